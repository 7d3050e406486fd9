package expiryerr

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"github.com/credlint/credlint/passes/astq"
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
		if s != nil && s.isOp && !s.request {
			return s
		}
	}
	return nil
}

// paramOf returns the function of this package that declares parameter
// v, and its index (not for a variadic parameter).
func (f *flow) paramOf(v *types.Var) (*types.Func, int) {
	fn, i, ok := f.du.ParamOf(v)
	if !ok {
		return nil, 0
	}
	if sig, _ := fn.Type().(*types.Signature); sig == nil || (sig.Variadic() && i == sig.Params().Len()-1) {
		return nil, 0
	}
	return fn, i
}

// callsTo returns the calls of fn in the package, in source order.
func (f *flow) callsTo(fn *types.Func) []*ast.CallExpr { return f.du.CallsTo(fn) }

// checkTextHelper reports a call that passes an S3 operation's error to a
// function of another package that matches its error parameter by text
// (its IsClassifier fact says "text"): the text match is in the other
// package, the S3 error is here.
func (c *checker) checkTextHelper(call *ast.CallExpr) {
	fn := astq.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || sdk.IsSDKPackage(fn.Pkg()) {
		return
	}
	var f IsClassifier
	if !c.pass.ImportObjectFact(fn, &f) || f.How != "text" {
		return
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return
	}
	for i, a := range call.Args {
		if i >= sig.Params().Len() || !isErrorType(sig.Params().At(i).Type()) {
			continue
		}
		src := c.exprSource(a, -1, call.Pos(), 0)
		if src == nil || !src.isOp || src.request {
			continue
		}
		c.report(call, textMessage(fmt.Sprintf("in %s.%s, at %s", fn.Pkg().Name(), fn.Name(), f.Where), "", src, c.where(src.wrapPos)))
		return
	}
}
