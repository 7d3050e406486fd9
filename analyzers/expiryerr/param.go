package expiryerr

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/credlint/credlint/passes/sdk"
)

// paramSource returns, for an error parameter of a function of this
// package that is not reassigned before at, the source of the first
// argument the package's calls pass for it that comes from an S3
// operation: a helper that matches its err parameter by text
// (isExpired(err error) bool { return strings.Contains(err.Error(), ...) })
// is a text match on S3 errors when its callers give it theirs.
func (f *flow) paramSource(e ast.Expr, at token.Pos, depth int) *source {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || depth > maxDepth {
		return nil
	}
	v, _ := f.info.Uses[id].(*types.Var)
	if v == nil || f.lastAssign(v, at) != nil {
		return nil
	}
	fn, i := f.paramOf(v)
	if fn == nil {
		return nil
	}
	for _, call := range f.callsTo(fn) {
		if i >= len(call.Args) {
			continue
		}
		s := f.exprSource(call.Args[i], -1, call.Pos(), depth+1)
		if s == nil {
			s = f.paramSource(call.Args[i], call.Pos(), depth+1)
		}
		if s != nil && s.s3 && !s.request {
			return s
		}
	}
	return nil
}

// paramOf returns the function of this package that declares parameter
// v, and its index (not for a variadic parameter).
func (f *flow) paramOf(v *types.Var) (*types.Func, int) {
	for fn, fd := range f.decls {
		if fd.Type.Params == nil || v.Pos() < fd.Type.Params.Pos() || v.Pos() > fd.Type.Params.End() {
			continue
		}
		i := 0
		for _, field := range fd.Type.Params.List {
			if len(field.Names) == 0 {
				i++
				continue
			}
			for _, n := range field.Names {
				if f.info.Defs[n] == v {
					if _, variadic := field.Type.(*ast.Ellipsis); variadic {
						return nil, 0
					}
					return fn, i
				}
				i++
			}
		}
	}
	return nil, 0
}

// callsTo returns the calls of fn in the package, in source order.
func (f *flow) callsTo(fn *types.Func) []*ast.CallExpr {
	var out []*ast.CallExpr
	for _, file := range f.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && sdk.Callee(f.info, call) == fn {
				out = append(out, call)
			}
			return true
		})
	}
	return out
}
