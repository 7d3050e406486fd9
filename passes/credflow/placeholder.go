package credflow

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/credlint/credlint/passes/sdk"
)

// httptestEndpoint is the Endpoint of a client whose endpoint is the URL of
// an httptest server.
const httptestEndpoint = "httptest://server"

// dynamicEndpoint is the Endpoint of a client whose endpoint is set from
// a value known only at run time (a parameter, an environment variable).
// NonAWSEndpoint is false for it.
const dynamicEndpoint = "?set-at-run-time"

// endpointArg returns a constant endpoint (aws.String("http://...")
// included), httptestEndpoint when the value is built from an
// httptest.Server's URL (srv.URL, strings.TrimPrefix(srv.URL, "http://")),
// and dynamicEndpoint for any other value.
func (f *Flow) endpointArg(e ast.Expr) (string, bool) {
	if s, ok := sdk.StringArg(f.info, e); ok {
		return s, true
	}
	if e == nil {
		return "", false
	}
	if f.fromHTTPTest(e, 0) {
		return httptestEndpoint, true
	}
	return dynamicEndpoint, true
}

func (f *Flow) fromHTTPTest(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			if x.Sel.Name == "URL" && sdk.TypeSymbol(f.info.TypeOf(x.X)) == sdk.HTTPTestServer {
				found = true
			}
		case *ast.Ident:
			if v, ok := f.info.Uses[x].(*types.Var); ok && v.Pkg() == f.pass.Pkg && !v.IsField() {
				for _, d := range f.idx.defs[v] {
					if f.fromHTTPTest(d.rhs, depth+1) {
						found = true
						break
					}
				}
			}
		}
		return !found
	})
	return found
}

// TestKit reports whether the analysed package is a test kit or an
// example (a path element such as testutil, testing, e2e, examples, mock,
// fake), where placeholder keys point at fakes.
func (f *Flow) TestKit() bool {
	for i, el := range strings.Split(f.pass.Pkg.Path(), "/") {
		if i == 0 && strings.Contains(el, ".") {
			continue // a host name (example.com, credlint.test), not a package
		}
		el = strings.ToLower(el)
		switch {
		case strings.HasPrefix(el, "test"), strings.HasSuffix(el, "test"), strings.HasSuffix(el, "tests"),
			strings.HasPrefix(el, "example"), strings.HasPrefix(el, "sample"),
			el == "e2e", el == "demo", strings.HasPrefix(el, "mock"), strings.HasPrefix(el, "fake"):
			return true
		}
	}
	return false
}

// Placeholder reports whether credentials are placeholder literal keys
// (not shaped like an AWS access key ID) used against a fake: an endpoint
// that is not AWS (a constant local or non-AWS host, an httptest server),
// or, in a test kit or example package, an endpoint set at run time (a
// parameter, an environment variable). Such keys cannot authenticate
// against AWS: nothing expires, nothing leaks.
func (f *Flow) Placeholder(c Cred) bool {
	if c.State != Static || len(c.origins) == 0 {
		return false
	}
	for _, o := range c.origins {
		if o.Prov.Kind != ProvLiteral || o.Prov.AWSKey {
			return false
		}
	}
	return f.fake(c.Endpoint)
}

// fake reports whether an endpoint is a fake for placeholder keys.
func (f *Flow) fake(ep string) bool {
	return NonAWSEndpoint(ep) || ep == dynamicEndpoint && f.TestKit()
}

// PlaceholderConstruction is Placeholder for a construction node: its
// keys are placeholder literals, it reaches at least one client of the
// package, and every client it reaches is a fake.
func (f *Flow) PlaceholderConstruction(n ast.Node) bool {
	o, ok := f.Construction(n)
	if !ok || o.Prov.Kind != ProvLiteral || o.Prov.AWSKey {
		return false
	}
	f.mu.Lock()
	f.buildSinks()
	eps := f.sinks[n]
	f.mu.Unlock()
	if len(eps) == 0 {
		return false
	}
	for _, ep := range eps {
		if !f.fake(ep) {
			return false
		}
	}
	return true
}
