package credflow

import (
	"go/ast"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// exportFacts exports a Creds fact on each function whose first
// credential-holding result is known (static, refreshing or anonymous),
// and on each package-level variable that holds static credentials.
func (f *Flow) exportFacts() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, file := range f.pass.Files {
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				fn, ok := f.info.Defs[d.Name].(*types.Func)
				if !ok || fn == nil || d.Body == nil {
					continue
				}
				sig := fn.Type().(*types.Signature)
				for i := range sig.Results().Len() {
					if !sdk.MayHoldCredentials(sig.Results().At(i).Type()) {
						continue
					}
					c := f.evalReturns(d, i)
					switch c.State {
					case Static:
						f.pass.ExportObjectFact(fn, &Creds{Index: i, State: Static, Origin: c.Origin.forFact()})
					case Refreshing, Anonymous:
						f.pass.ExportObjectFact(fn, &Creds{Index: i, State: c.State})
					}
					break
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					vs, ok := spec.(*ast.ValueSpec)
					if !ok {
						continue
					}
					for _, name := range vs.Names {
						v, ok := f.info.Defs[name].(*types.Var)
						if !ok || v == nil || !sdk.MayHoldCredentials(v.Type()) {
							continue
						}
						if c := f.evalObj(v, -1); c.State == Static {
							f.pass.ExportObjectFact(v, &Creds{State: Static, Origin: c.Origin.forFact()})
						}
					}
				}
			}
		}
	}
}

// forFact returns a copy of o without its node (facts cross packages).
func (o *Origin) forFact() *Origin {
	c := *o
	c.node = nil
	return &c
}

// NonAWSOnly reports whether the construction n reaches at least one
// client in this package and every client it reaches has a constant
// custom endpoint that is not AWS (http://localhost:9000, a MinIO or
// LocalStack host, Cloudflare R2); it returns that endpoint.
func (f *Flow) NonAWSOnly(n ast.Node) (string, bool) {
	if !f.enabled || n == nil {
		return "", false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.buildSinks()
	eps := f.sinks[n]
	if len(eps) == 0 {
		return "", false
	}
	for _, ep := range eps {
		if !NonAWSEndpoint(ep) {
			return "", false
		}
	}
	return eps[0], true
}

// buildSinks maps each construction to the endpoints of the clients of
// the package it reaches (once; f.mu held).
func (f *Flow) buildSinks() {
	if !f.sinksDone {
		f.sinksDone = true
		f.sinks = map[ast.Node][]string{}
		for _, call := range f.idx.clientCalls {
			c := f.eval(call, -1)
			if c.State != Static {
				continue
			}
			for _, o := range c.origins {
				if o.node != nil {
					f.sinks[o.node] = append(f.sinks[o.node], c.Endpoint)
				}
			}
		}
	}
}

// NonAWSEndpoint reports whether a constant endpoint is provably not AWS:
// a local host (localhost, *.localhost, *.local, a loopback or private IP
// address, a single-label name such as a compose service "minio" or
// "localstack"), or a host of a known S3-compatible provider that is not AWS
// (Cloudflare R2, Google Cloud Storage, Backblaze B2, Wasabi, DigitalOcean
// Spaces, Linode, MinIO's play server). Any other public host may front AWS
// (a proxy, a CNAME) and is not proof.
func NonAWSEndpoint(endpoint string) bool {
	s := strings.ToLower(strings.TrimSpace(endpoint))
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, "@"); i >= 0 {
		s = s[i+1:]
	}
	host := s
	if h, _, err := net.SplitHostPort(s); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if host == "" {
		return false
	}
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified()
	}
	if host == "localhost" || !strings.Contains(host, ".") {
		return true
	}
	for _, suffix := range nonAWSHostSuffixes {
		if host == suffix || strings.HasSuffix(host, "."+suffix) {
			return true
		}
	}
	return false
}

// nonAWSHostSuffixes are local domains and S3-compatible providers that are
// not AWS.
var nonAWSHostSuffixes = []string{
	"localhost", "local",
	"r2.cloudflarestorage.com",
	"storage.googleapis.com",
	"backblazeb2.com",
	"wasabisys.com",
	"digitaloceanspaces.com",
	"linodeobjects.com",
	"play.min.io",
}

// InRefreshingChain reports whether the construction at cur is an element
// of a provider list (a slice literal or a slice built with append, on
// its own or through a wrapper call of the user's own) that also holds a
// refreshing provider: the SDK's default chain in miniature.
func (f *Flow) InRefreshingChain(cur inspector.Cursor) bool {
	if !f.enabled {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	c := cur
	for range 4 {
		p := c.Parent()
		switch pn := p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr:
			c = p
			continue
		case *ast.CompositeLit:
			if _, ok := types.Unalias(f.info.TypeOf(pn)).Underlying().(*types.Slice); !ok {
				return false
			}
			return f.listRefreshes(p)
		case *ast.CallExpr:
			if astq.IsAppend(f.info, pn) {
				return f.listRefreshes(p)
			}
			if fn := astq.Callee(f.info, pn); fn != nil && sdk.IsSDKPackage(fn.Pkg()) {
				return false
			}
			c = p // a wrapper of the user's own
			continue
		}
		return false
	}
	return false
}

// listRefreshes reports whether the provider list at cur (or the variable
// it is assigned to) holds a refreshing provider.
func (f *Flow) listRefreshes(cur inspector.Cursor) bool {
	list := cur.Node().(ast.Expr)
	elems := f.elements(list, map[*types.Var]bool{})
	switch pn := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		for i, r := range pn.Rhs {
			if r == list && i < len(pn.Lhs) {
				elems = append(elems, f.elements(pn.Lhs[i], map[*types.Var]bool{})...)
			}
		}
	case *ast.ValueSpec:
		for i, r := range pn.Values {
			if r == list && i < len(pn.Names) {
				elems = append(elems, f.elements(pn.Names[i], map[*types.Var]bool{})...)
			}
		}
	}
	for _, el := range elems {
		if f.evalProvider(el).State == Refreshing {
			return true
		}
	}
	return false
}
