package norefresh

import (
	"fmt"
	"go/ast"
	"go/types"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/passes/sdk"
)

// retrieveNames are the methods with which v1 and minio providers return
// their credentials.
var retrieveNames = []string{"Retrieve", "RetrieveWithContext", "RetrieveWithCredContext"}

// checkIsExpired reports an IsExpired method that returns the constant
// false on a v1 or minio Provider of the user's own whose Retrieve returns
// a session token: the SDK's credentials.Credentials asks the provider
// again only when IsExpired says so (docs/sdk-behaviour.md: providers).
func (c *checker) checkIsExpired(fd *ast.FuncDecl) {
	if fd.Type.Params.NumFields() != 0 || fd.Type.Results.NumFields() != 1 || len(fd.Body.List) != 1 {
		return
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 || !c.isBool(ret.Results[0], false) {
		return
	}
	fn, _ := c.info.Defs[fd.Name].(*types.Func)
	if fn == nil {
		return
	}
	recv := sdk.NamedOf(fn.Type().(*types.Signature).Recv().Type())
	if recv == nil {
		return
	}
	du := c.p.Reach.DefUse()
	ptr := types.NewPointer(recv)
	for _, name := range retrieveNames {
		obj, _, _ := types.LookupFieldOrMethod(ptr, true, c.p.Pkg, name)
		m, _ := obj.(*types.Func)
		if m == nil || !sdk.IsRetrieveMethod(m) {
			continue
		}
		decl := du.Funcs[m]
		if decl == nil {
			continue
		}
		res := m.Type().(*types.Signature).Results().At(0).Type()
		iface, which, ok := sdk.ProviderInterface(res)
		if !ok || !types.Implements(ptr, iface) {
			continue
		}
		for _, r := range du.Returns[decl] {
			if len(r.Results) < 2 {
				continue
			}
			cv, ok := c.returnedValue(decl.Body, r.Results[0])
			if !ok {
				continue
			}
			tok := c.token(cv)
			if tok == nil {
				continue
			}
			src := c.tokenSource(tok)
			what := "aws-sdk-go refetches only on an ExpiredToken retry"
			if which == sdk.Minio {
				what = "minio-go caches it until calls fail with ExpiredToken"
			}
			tokWhat := "a session token (" + src.label + ")"
			if src.kind == stsToken {
				tokWhat = "an STS session token (" + src.label + ")"
			}
			at := ret.Results[0]
			c.out = append(c.out, finding.Finding{
				Pos: at.Pos(), End: at.End(),
				Message: fmt.Sprintf("IsExpired is always false but %s returns %s: %s; embed credentials.Expiry and call SetExpiration",
					name, tokWhat, what),
			})
			return
		}
	}
}
