package noretry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/sdk"
)

// presignOnly reports whether the knob at cur configures a v2 service
// client that is only ever used to presign: the client is built in the
// argument of its service's NewPresignClient (s3, sts, ...), or held in a
// local variable whose every use is that argument. Presigning sends no request, so a retry setting on such a
// client changes nothing.
func presignOnly(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.CallExpr)(nil), (*ast.FuncDecl)(nil)) {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return false
		}
		con, ok := sdk.ConstructorOf(sdk.CalleeSymbol(info, call))
		if !ok || con.Kind != sdk.ServiceClient || con.SDK != sdk.V2 {
			continue
		}
		return onlyPresigned(info, c)
	}
	return false
}

// onlyPresigned reports whether the client built by the call at c only
// reaches a NewPresignClient.
func onlyPresigned(info *types.Info, c inspector.Cursor) bool {
	call := c.Node()
	var v *types.Var
	switch p := c.Parent().Node().(type) {
	case *ast.CallExpr:
		return presignArg(info, p, call)
	case *ast.AssignStmt:
		if p.Tok == token.DEFINE && len(p.Lhs) == 1 && len(p.Rhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				v, _ = info.Defs[id].(*types.Var)
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 {
			v, _ = info.Defs[p.Names[0]].(*types.Var)
		}
	}
	if v == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	var fn inspector.Cursor
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = f
		break
	}
	if fn.Node() == nil {
		return false
	}
	used := false
	for u := range fn.Preorder((*ast.Ident)(nil)) {
		id := u.Node().(*ast.Ident)
		if info.Uses[id] != v {
			continue
		}
		p, ok := u.Parent().Node().(*ast.CallExpr)
		if !ok || !presignArg(info, p, id) {
			return false
		}
		used = true
	}
	return used
}

// presignArg reports whether call is a service's NewPresignClient(arg, ...).
func presignArg(info *types.Info, call *ast.CallExpr, arg ast.Node) bool {
	con, ok := sdk.ConstructorOf(sdk.CalleeSymbol(info, call))
	return ok && con.Kind == sdk.PresignClient && len(call.Args) > 0 && call.Args[0] == arg
}
