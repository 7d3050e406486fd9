package norefresh

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/passes/sdk"
)

// use is a call that passes a captured context (arg).
type use struct {
	call *ast.CallExpr
	arg  ast.Expr
}

// made is where a context was made: "context.WithTimeout" and the call.
type made struct {
	ctor string
	at   *ast.CallExpr
}

// ended is a captured context that has ended once the function that made
// it returned.
type ended struct {
	why string // "cancelled when newProvider returns", "past its deadline"
}

// checkCapturedContext reports the first call in a provider that fetches
// with a context captured from the function that built the provider (a
// variable, or a field of the provider's type) which is cancelled or past
// its deadline once that function returned: the first Retrieve works and
// every refresh fails (docs/sdk-behaviour.md: providers).
func (c *checker) checkCapturedContext(pr *provider) {
	byCtx := map[types.Object][]use{}
	var order []types.Object
	ast.Inspect(pr.body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, a := range call.Args {
			a = ast.Unparen(a)
			obj := c.capturedContext(pr, a)
			if obj == nil {
				continue
			}
			if _, ok := byCtx[obj]; !ok {
				order = append(order, obj)
			}
			byCtx[obj] = append(byCtx[obj], use{call, a})
		}
		return true
	})
	for _, obj := range order {
		uses := byCtx[obj]
		e, made, ok := c.contextEnds(obj)
		if !ok {
			continue
		}
		first := uses[0]
		f := finding.Finding{
			Pos: first.call.Pos(), End: first.call.End(),
			Message: fmt.Sprintf("%s fetches with %s from %s, %s: every refresh after the first fails on ECS; use the ctx it is given",
				pr.what, finding.Clip(types.ExprString(first.arg), 20), made.ctor, e.why),
			Related: []analysis.RelatedInformation{{Pos: made.at.Pos(), End: made.at.End(), Message: finding.Clip(types.ExprString(first.arg), 20) + " is made here"}},
		}
		for _, u := range uses[1:] {
			f.Related = append(f.Related, analysis.RelatedInformation{Pos: u.call.Pos(), End: u.call.End(), Message: "also here"})
		}
		if fix, ok := c.contextFix(pr, obj, uses); ok {
			f.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.out = append(c.out, f)
	}
}

// capturedContext returns the context variable or field the argument a
// of a call in the provider reads, when it is not the provider's own:
// a variable of an enclosing function, or a field of the provider's type.
func (c *checker) capturedContext(pr *provider, a ast.Expr) types.Object {
	if !sdk.IsContext(c.info.TypeOf(a)) {
		return nil
	}
	switch x := a.(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[x].(*types.Var)
		if !ok || v == pr.ctx || within(pr.node, v.Pos()) || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || v.IsField() {
			return nil
		}
		return v
	case *ast.SelectorExpr:
		sel := c.info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal || pr.recv == nil {
			return nil
		}
		fv, _ := sel.Obj().(*types.Var)
		if fv == nil || fv.Pkg() != c.p.Pkg {
			return nil
		}
		if n := sdk.FieldOwner(sel); n == nil || n.Origin() != pr.recv.Origin() {
			return nil
		}
		return fv
	}
	return nil
}

// contextEnds reports whether the context held by obj (a local variable,
// or a field of the provider) ends once the function that made it
// returned, and says where it was made.
func (c *checker) contextEnds(obj types.Object) (ended, made, bool) {
	v := obj.(*types.Var)
	if !v.IsField() {
		return c.varEnds(v)
	}
	// A field: the contexts stored into it.
	var res ended
	var m made
	found := false
	for cur := range c.p.Reach.Inspector().Root().Preorder((*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		var val ast.Expr
		switch n := cur.Node().(type) {
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && c.info.Uses[k] == v {
				val = n.Value
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, l := range n.Lhs {
				if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
					if s := c.info.Selections[sel]; s != nil && s.Obj() == v {
						val = n.Rhs[i]
					}
				}
			}
		}
		id, ok := ast.Unparen(val).(*ast.Ident)
		if val == nil || !ok {
			continue
		}
		lv, ok := c.info.Uses[id].(*types.Var)
		if !ok {
			continue
		}
		if e, mv, ok := c.varEnds(lv); ok && !found {
			res, m, found = e, mv, true
		}
	}
	return res, m, found
}

// varEnds looks for the definition of v by a context constructor in the
// function that declares it: context.WithTimeout and WithDeadline end at
// their deadline; WithCancel (and those) when a deferred cancel runs as
// that function returns.
func (c *checker) varEnds(v *types.Var) (ended, made, bool) {
	fn, body := c.enclosingFunc(v.Pos())
	if body == nil {
		return ended{}, made{}, false
	}
	var res ended
	var m made
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if found || !ok || len(as.Rhs) != 1 || len(as.Lhs) < 2 {
			return !found
		}
		id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident)
		if !ok || c.objOf(id) != v {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok {
			return true
		}
		sym := sdk.CalleeSymbol(c.info, call)
		how := sdk.ContextCtor(sym)
		if how == sdk.NeverEnds {
			return true
		}
		m = made{ctor: "context." + sym.Name, at: call}
		cancel, _ := ast.Unparen(as.Lhs[1]).(*ast.Ident)
		var cancelVar types.Object
		if cancel != nil {
			cancelVar = c.objOf(cancel)
		}
		if cancelVar != nil && c.defersCall(body, cancelVar) {
			res.why = "cancelled when " + funcName(fn) + " returns (defer " + cancel.Name + "())"
			found = true
		} else if how == sdk.EndsAtDeadline {
			res.why = "which ends at its deadline"
			found = true
		}
		return false
	})
	return res, m, found
}

// defersCall reports whether body defers a call of the function held by
// obj (defer cancel()).
func (c *checker) defersCall(body *ast.BlockStmt, obj types.Object) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if id, ok := ast.Unparen(n.Call.Fun).(*ast.Ident); ok && c.info.Uses[id] == obj {
				found = true
			}
		}
		return !found
	})
	return found
}

// funcName names a function declaration or literal in a message.
func funcName(n ast.Node) string {
	if fd, ok := n.(*ast.FuncDecl); ok {
		return fd.Name.Name
	}
	return "the enclosing function"
}

// contextFix makes the provider use its own context: every use of the
// captured one in its body reads the parameter instead; a parameter
// named _ or unnamed gets the captured variable's name (shadowing it). No
// fix when the captured variable would then be unused where it is
// declared (a compile error), or the provider has no context parameter.
func (c *checker) contextFix(pr *provider, obj types.Object, uses []use) (analysis.SuggestedFix, bool) {
	if pr.ctxField == nil {
		return analysis.SuggestedFix{}, false
	}
	v := obj.(*types.Var)
	var edits []analysis.TextEdit
	name := ""
	switch {
	case pr.ctx != nil:
		name = pr.ctx.Name()
	case v.IsField():
		return analysis.SuggestedFix{}, false
	case len(pr.ctxField.Names) == 1: // "_"
		name = v.Name()
		edits = append(edits, analysis.TextEdit{Pos: pr.ctxField.Names[0].Pos(), End: pr.ctxField.Names[0].End(), NewText: []byte(name)})
	case len(pr.ctxField.Names) == 0:
		if len(pr.ftype.Params.List) != 1 {
			return analysis.SuggestedFix{}, false
		}
		name = v.Name()
		edits = append(edits, analysis.TextEdit{Pos: pr.ctxField.Type.Pos(), End: pr.ctxField.Type.Pos(), NewText: []byte(name + " ")})
	default:
		return analysis.SuggestedFix{}, false
	}
	if !v.IsField() && !c.usedOutside(v, pr.node) {
		return analysis.SuggestedFix{}, false
	}
	if pr.ctx != nil {
		// Every read of the captured context in the body, not only the
		// calls': a derived context must come from the parameter too.
		ast.Inspect(pr.body, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.Ident:
				if c.info.Uses[x] == v && !v.IsField() {
					edits = append(edits, analysis.TextEdit{Pos: x.Pos(), End: x.End(), NewText: []byte(name)})
				}
			case *ast.SelectorExpr:
				if s := c.info.Selections[x]; s != nil && s.Obj() == v {
					edits = append(edits, analysis.TextEdit{Pos: x.Pos(), End: x.End(), NewText: []byte(name)})
					return false
				}
			}
			return true
		})
	}
	return analysis.SuggestedFix{Message: "Use the context the provider is given (" + name + ")", TextEdits: edits}, true
}

// usedOutside reports whether v is read anywhere in its function outside n.
func (c *checker) usedOutside(v *types.Var, n ast.Node) bool {
	_, body := c.enclosingFunc(v.Pos())
	if body == nil {
		return false
	}
	used := false
	ast.Inspect(body, func(x ast.Node) bool {
		if x == n {
			return false
		}
		if id, ok := x.(*ast.Ident); ok && c.info.Uses[id] == v {
			used = true
		}
		return !used
	})
	return used
}
