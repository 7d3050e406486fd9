// Package astq holds small queries on type-checked Go syntax that know
// nothing about the AWS SDKs: the function a call invokes, the value of a
// constant expression, whether an expression is nil or a call of the
// builtin append.
package astq

import (
	"go/ast"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// Callee returns the function or method a call invokes statically, with
// generic instantiations mapped to their origin, or nil for dynamic calls,
// conversions and builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	if fn != nil {
		fn = fn.Origin()
	}
	return fn
}

// IntConst returns the value of a constant integer expression, after the
// type checker's constant folding (named and typed constants included).
func IntConst(info *types.Info, e ast.Expr) (int64, bool) {
	if tv, ok := info.Types[ast.Unparen(e)]; ok && tv.Value != nil {
		v := constant.ToInt(tv.Value)
		if v.Kind() != constant.Int {
			return 0, false
		}
		return constant.Int64Val(v)
	}
	return 0, false
}

// StringConst returns the value of a constant string expression.
func StringConst(info *types.Info, e ast.Expr) (string, bool) {
	if tv, ok := info.Types[ast.Unparen(e)]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return constant.StringVal(tv.Value), true
	}
	return "", false
}

// IsNil reports whether e is the predeclared nil.
func IsNil(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[ast.Unparen(e)]
	return ok && tv.IsNil()
}

// ResultIsError reports whether the last result of fn is the error type.
func ResultIsError(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	last := sig.Results().At(sig.Results().Len() - 1).Type()
	return types.Identical(last, types.Universe.Lookup("error").Type())
}

// IdentOf returns the identifier that names e: e itself, or the selected
// name of x.Sel; nil otherwise.
func IdentOf(e ast.Expr) *ast.Ident {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return e
	case *ast.SelectorExpr:
		return e.Sel
	}
	return nil
}

// IsAppend reports whether call is a call of the builtin append.
func IsAppend(info *types.Info, call *ast.CallExpr) bool {
	b, ok := info.Uses[IdentOf(call.Fun)].(*types.Builtin)
	return ok && b.Name() == "append"
}
