package credflow

import (
	"go/ast"
	"go/types"

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

// Placeholder reports whether every construction behind c has a
// placeholder access key: a literal that cannot be an AWS access key ID
// ("test", "minioadmin", "YOUR-ACCESSKEYID"; AWS key IDs are AKIA or ASIA
// and 16 upper-case letters or digits). Such keys cannot authenticate
// against AWS, whatever the endpoint (a fake server, a configured one):
// nothing expires, nothing leaks.
func (f *Flow) Placeholder(c Cred) bool {
	if c.State != Static || len(c.origins) == 0 {
		return false
	}
	for _, o := range c.origins {
		if !o.Prov.Placeholder {
			return false
		}
	}
	return true
}
