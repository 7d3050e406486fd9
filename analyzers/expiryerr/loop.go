package expiryerr

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// ---- 4. worker loops that retry forever ----

// checkLoop reports an operation (or a call of a function that returns
// an operation's error) in a long-running loop whose error path never
// leaves the loop and never classifies the error.
func (c *checker) checkLoop(cur inspector.Cursor, call *ast.CallExpr) {
	src := c.opSource(call, call.Pos(), 0)
	if src != nil && src.request {
		return
	}
	if src == nil {
		if src = c.helperSource(call); src == nil || !src.isOp {
			return
		}
	}
	loop, kind := c.enclosingLoop(cur, call)
	if kind == "" || c.loopHandled(loop, cur, call) {
		return
	}
	if c.seen[call] {
		return
	}
	advice := recovery(src)
	if first, ok := c.loops[loop.Node()]; ok {
		// One explanation per loop: the first finding has it; advice
		// that differs (another SDK, a HEAD request) is still given.
		msg := fmt.Sprintf("%s also fails forever in this loop (%s), as at %s", describe(src), kind, c.where(first.pos))
		if advice != first.advice {
			msg = fmt.Sprintf("%s also fails forever in this loop: %s", describe(src), advice)
		}
		c.report(call, msg)
		return
	}
	if c.loops == nil {
		c.loops = map[ast.Node]loopSeen{}
	}
	c.loops[loop.Node()] = loopSeen{call.Pos(), advice}
	what := describe(src)
	if len(what) > 90 && src.via != "" {
		// A long chain: the operation's position becomes a related step.
		what = fmt.Sprintf("%s (%s)", src.via, src.op)
		defer c.relate(call, src.where, "the error of "+src.op)
	}
	c.report(call, fmt.Sprintf("%s fails forever in this loop (%s): it only logs and continues; %s",
		what, kind, advice))
}

// enclosingLoop returns the innermost long-running loop whose body holds
// cur (in the same function), and how it reads.
func (c *checker) enclosingLoop(cur inspector.Cursor, call *ast.CallExpr) (inspector.Cursor, string) {
	for l := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := l.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return inspector.Cursor{}, ""
		case *ast.ForStmt:
			if !within(call, n.Body) {
				continue
			}
			if k, paged := c.forKind(l, cur); k != "" {
				if paged && c.loopHandled(l, cur, call) {
					continue // the failed page leaves the listing: ask the loop around it
				}
				return l, k
			}
		case *ast.RangeStmt:
			if !within(call, n.Body) {
				continue
			}
			if t := c.info.TypeOf(n.X); t == nil {
				continue
			} else if _, ok := t.Underlying().(*types.Chan); ok {
				return l, "for range " + shorten(srctext.Source(n.X))
			}
		}
	}
	return inspector.Cursor{}, ""
}

func within(n ast.Node, outer ast.Node) bool {
	return outer != nil && n.Pos() >= outer.Pos() && n.End() <= outer.End()
}

func shorten(s string) string {
	if len(s) > 40 {
		return s[:37] + "..."
	}
	return s
}

// forKind says whether a for statement runs until something leaves it,
// for the operation call at cur: for {}, for { select }, for ctx.Err() ==
// nil. A for {} that leaves when the last page is read (if
// !p.HasMorePages() { break }, if out.NextToken == nil { return }) is a
// pagination loop, as is for p.HasMorePages(): finite, except for the
// request of the page itself. A failed page leaves the paginator (and the
// token) as it was (service/dynamodb v1.74.0 api_op_Scan.go:613-617), so
// an error path that continues asks for the same page forever.
// paged is set for the request of a page in a pagination loop.
func (c *checker) forKind(l, cur inspector.Cursor) (kind string, paged bool) {
	n := l.Node().(*ast.ForStmt)
	if n.Cond == nil {
		if vars, ok := c.endsWithPages(l); ok {
			if c.fetchesPage(cur, vars) {
				return "for { … }", true
			}
			return "", false
		}
		for _, st := range n.Body.List {
			if _, ok := st.(*ast.SelectStmt); ok {
				return "for { select … }", false
			}
		}
		return "for { … }", false
	}
	if b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok && b.Op == token.EQL && astq.IsNil(c.info, b.Y) {
		if call, ok := ast.Unparen(b.X).(*ast.CallExpr); ok && sdk.CalleeSymbol(c.info, call) == symContextErr {
			return "for " + srctext.Source(n.Cond), false
		}
	}
	if vars := c.pageVars(n.Cond); len(vars) > 0 && c.fetchesPage(cur, vars) {
		return "for " + shorten(srctext.Source(n.Cond)), true
	}
	return "", false
}

// endsWithPages reports whether the loop at l leaves (break, return) in a
// branch of an if statement that tests for the last page: a paginator's
// HasMorePages or a page token of an operation's output (NextToken,
// IsTruncated, LastEvaluatedKey, ...). It returns the variables those
// tests read (the paginator, the output).
func (c *checker) endsWithPages(l inspector.Cursor) ([]*types.Var, bool) {
	var vars []*types.Var
	found := false
	l.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.IfStmt)(nil)}, func(cur inspector.Cursor) bool {
		ifs, ok := cur.Node().(*ast.IfStmt)
		if !ok {
			return false // a function literal runs elsewhere
		}
		if pv := c.pageVars(ifs.Cond); len(pv) > 0 || c.testsLastPage(ifs.Cond) {
			branches := []inspector.Cursor{cur.Child(ifs.Body)}
			if ifs.Else != nil {
				branches = append(branches, cur.Child(ifs.Else))
			}
			if c.exits(branches, l) {
				found = true
				vars = append(vars, pv...)
			}
		}
		return true
	})
	return vars, found
}

// testsLastPage reports whether e reads whether another page follows.
func (c *checker) testsLastPage(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = found || sdk.PaginatorHasMore(astq.Callee(c.info, n))
		case *ast.SelectorExpr:
			if sel := c.info.Selections[n]; sel != nil && sel.Kind() == types.FieldVal {
				found = found || sdk.PageToken(sel.Recv(), sel.Obj())
			}
		}
		return !found
	})
	return found
}

// pageVars returns the variables whose pages e tests: p of
// p.HasMorePages(), out of out.NextToken or aws.ToBool(out.IsTruncated).
func (c *checker) pageVars(e ast.Expr) []*types.Var {
	var vars []*types.Var
	add := func(x ast.Expr) {
		if id, ok := ast.Unparen(x).(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && !slices.Contains(vars, v) {
				vars = append(vars, v)
			}
		}
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sdk.PaginatorHasMore(astq.Callee(c.info, n)) {
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					add(sel.X)
				}
			}
		case *ast.SelectorExpr:
			if sel := c.info.Selections[n]; sel != nil && sel.Kind() == types.FieldVal && sdk.PageToken(sel.Recv(), sel.Obj()) {
				add(n.X)
			}
		}
		return true
	})
	return vars
}

// fetchesPage reports whether the call at cur requests the page that a
// pagination test reads: vars' NextPage (p.NextPage(ctx)), or a call
// whose result is assigned to one of vars (out, err := c.ListObjectsV2(...)).
func (c *checker) fetchesPage(cur inspector.Cursor, vars []*types.Var) bool {
	call := cur.Node().(*ast.CallExpr)
	isVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, _ := c.info.ObjectOf(id).(*types.Var)
		return v != nil && slices.Contains(vars, v)
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && isVar(sel.X) {
		return true
	}
	if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call && len(as.Lhs) > 0 {
		return isVar(as.Lhs[0])
	}
	return false
}

// loopHandled reports whether the error of call (in loop) leaves the loop,
// is classified, or is handed to someone else.
func (c *checker) loopHandled(loop, cur inspector.Cursor, call *ast.CallExpr) bool {
	parent := cur.Parent()
	switch p := parent.Node().(type) {
	case *ast.ReturnStmt, *ast.SendStmt:
		return true
	case *ast.ExprStmt, *ast.GoStmt, *ast.DeferStmt:
		return true // discarded: reported as such
	case *ast.AssignStmt:
		return c.lhsHandled(loop, errLhs(c.info, p.Lhs, p.Rhs, call), call)
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(p.Names))
		for i, id := range p.Names {
			lhs[i] = id
		}
		return c.lhsHandled(loop, errLhs(c.info, lhs, p.Values, call), call)
	case *ast.BinaryExpr:
		// if mc.RemoveObject(...) != nil { ... }
		if ifc, ok := parent.Parent().Node().(*ast.IfStmt); ok && ifc.Cond == p {
			isErr := func(e ast.Expr) bool { return ast.Unparen(e) == call }
			return c.exits(c.errBranch(parent.Parent(), isErr), loop)
		}
		return false
	case *ast.CallExpr:
		return c.classifies(p) || c.accumulated(parent, loop)
	}
	return true // a shape the rule does not follow: stay quiet
}

// lhsHandled follows the error into the variable it is assigned to.
func (c *checker) lhsHandled(loop inspector.Cursor, lhs ast.Expr, call *ast.CallExpr) bool {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return true // stored in a field or element: someone else sees it
	}
	if id.Name == "_" {
		return true // discarded: reported as such
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	if v == nil {
		return true
	}
	// Uses after the call, up to the next assignment in the loop that
	// does not derive from the error (err = fmt.Errorf("...: %w", err)
	// keeps following it).
	body := loopBody(loop.Node())
	end := body.End()
	for _, a := range c.assigns[v] {
		if a.pos > call.End() && a.pos < end && !c.mentions(a.rhs, v) {
			end = a.pos
			break
		}
	}
	for u := range loop.Preorder((*ast.Ident)(nil)) {
		use := u.Node().(*ast.Ident)
		if c.info.Uses[use] != v || use.Pos() <= call.End() || use.Pos() >= end {
			continue
		}
		if c.useHandles(u, loop, v) {
			return true
		}
	}
	return false
}

// mentions reports whether e uses the variable v.
func (c *checker) mentions(e ast.Expr, v *types.Var) bool {
	found := false
	if e != nil {
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && c.info.Uses[id] == v {
				found = true
			}
			return !found
		})
	}
	return found
}

func loopBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}

// useHandles reports whether one use of the error variable v returns it,
// sends it, classifies it, or decides an error path that leaves the loop.
func (c *checker) useHandles(u, loop inspector.Cursor, v *types.Var) bool {
	child := u
	for p := u.Parent(); p != loop && p.Node() != nil; child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			return true
		case *ast.SendStmt:
			if child.Node() == n.Value {
				return true
			}
		case *ast.CallExpr:
			if child.Node() != n.Fun && (c.classifies(n) || c.accumulated(p, loop)) {
				return true
			}
			if _, ok := c.matchText(n); ok {
				return true
			}
		case *ast.BinaryExpr:
			if _, ok := c.matchText(n); ok {
				return true
			}
			if _, ok := c.matchCode(n); ok {
				return true
			}
		case *ast.TypeAssertExpr:
			if child.Node() == n.X {
				return true
			}
		case *ast.TypeSwitchStmt:
			return true
		case *ast.CaseClause:
			// switch { case err != nil: ... }
			if e, ok := child.Node().(ast.Expr); ok && slices.Contains(n.List, e) {
				if c.contextDone(e) {
					return false // shutdown, not a decision on the error
				}
				isErr := func(e ast.Expr) bool {
					id, ok := ast.Unparen(e).(*ast.Ident)
					return ok && c.info.Uses[id] == v
				}
				if c.polarity(e, isErr) < 0 {
					return false
				}
				var body []inspector.Cursor
				for _, st := range n.Body {
					body = append(body, p.Child(st))
				}
				return c.exits(body, loop)
			}
		case *ast.IfStmt:
			if child.Node() == n.Cond && c.contextDone(n.Cond) {
				return false // shutdown, not a decision on the error
			}
			if child.Node() == n.Cond {
				isErr := func(e ast.Expr) bool {
					id, ok := ast.Unparen(e).(*ast.Ident)
					return ok && c.info.Uses[id] == v
				}
				return c.exits(c.errBranch(p, isErr), loop)
			}
		}
	}
	return false
}

// errBranch returns the statements that run when the error tested in the
// condition of the if statement at ifc is not nil: the body for err !=
// nil (and for conditions it cannot read), the else branch or the rest of
// the block for err == nil.
func (c *checker) errBranch(ifc inspector.Cursor, isErr func(ast.Expr) bool) []inspector.Cursor {
	ifs := ifc.Node().(*ast.IfStmt)
	if c.polarity(ifs.Cond, isErr) >= 0 {
		return []inspector.Cursor{ifc.Child(ifs.Body)}
	}
	if ifs.Else != nil {
		return []inspector.Cursor{ifc.Child(ifs.Else)}
	}
	var rest []inspector.Cursor
	for s, ok := ifc.NextSibling(); ok; s, ok = s.NextSibling() {
		rest = append(rest, s)
	}
	return rest
}

// polarity is +1 when cond holds for a non-nil error (err != nil, possibly
// with && or ||), -1 for err == nil, 0 when it cannot tell.
func (c *checker) polarity(cond ast.Expr, isErr func(ast.Expr) bool) int {
	switch b := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch b.Op {
		case token.NEQ, token.EQL:
			if (isErr(b.X) && astq.IsNil(c.info, b.Y)) || (isErr(b.Y) && astq.IsNil(c.info, b.X)) {
				if b.Op == token.NEQ {
					return 1
				}
				return -1
			}
		case token.LAND, token.LOR:
			if c.polarity(b.X, isErr) > 0 || c.polarity(b.Y, isErr) > 0 {
				return 1
			}
		}
	}
	return 0
}

// exits reports whether the statements return, end the process or
// goroutine, or break out of loop, other than when the context is done
// (shutdown, not a decision on the error: see shutdownOnly).
func (c *checker) exits(stmts []inspector.Cursor, loop inspector.Cursor) bool {
	found := false
	for _, s := range stmts {
		s.Inspect(nil, func(n inspector.Cursor) bool {
			if found {
				return false
			}
			switch x := n.Node().(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				found = true
			case *ast.CallExpr:
				found = c.exitCall(x)
			case *ast.BranchStmt:
				found = c.leaves(n, x, loop)
			}
			if found && c.shutdownOnly(n, s) {
				found = false
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// shutdownOnly reports whether the statement at cur, inside root, runs
// only once the context is done: under case <-ctx.Done() of a select, or
// in the body of an if (or the clause of a switch) whose condition holds
// only then (ctx.Err() != nil, errors.Is(err, context.Canceled), ...).
// Such a return stops the worker; every AWS error still loops.
func (c *checker) shutdownOnly(cur, root inspector.Cursor) bool {
	child := cur
	for p := cur.Parent(); p.Node() != nil; child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.CommClause:
			if c.receivesDone(n.Comm) {
				return true
			}
		case *ast.IfStmt:
			if child.Node() == n.Body && c.contextDone(n.Cond) {
				return true
			}
		case *ast.CaseClause:
			if _, inList := child.Node().(ast.Expr); inList {
				break
			}
			if sw, ok := p.Parent().Parent().Node().(*ast.SwitchStmt); ok && sw.Tag == nil && len(n.List) > 0 {
				all := true
				for _, e := range n.List {
					all = all && c.contextDone(e)
				}
				if all {
					return true
				}
			}
		}
		if p == root {
			break
		}
	}
	return false
}

// receivesDone reports whether the comm statement of a select case
// receives from ctx.Done().
func (c *checker) receivesDone(comm ast.Stmt) bool {
	var e ast.Expr
	switch s := comm.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	}
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.ARROW {
		return false
	}
	call, ok := ast.Unparen(u.X).(*ast.CallExpr)
	return ok && sdk.CalleeSymbol(c.info, call) == symContextDone && !c.deadlineCtx(call)
}

// deadlineCtx reports whether call (ctx.Done(), ctx.Err()) asks a context
// that the function made with a deadline of its own (context.WithTimeout,
// WithDeadline): its end is the loop giving up, not the program shutting
// down (awsutil's GetCallerIdentity retries until its validity timeout).
func (c *checker) deadlineCtx(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := c.info.Uses[id].(*types.Var)
	if v == nil {
		return false
	}
	a := c.lastAssign(v, call.Pos())
	if a == nil {
		return false
	}
	made, ok := ast.Unparen(a.rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	return sdk.ContextCtor(sdk.CalleeSymbol(c.info, made)) == sdk.EndsAtDeadline
}

// contextDone reports whether cond holds only when a context is done:
// ctx.Err() != nil, ctx.Err() == context.Canceled, errors.Is(err,
// context.Canceled or DeadlineExceeded), err == context.Canceled, and
// conjunctions with one of them or disjunctions of them.
func (c *checker) contextDone(cond ast.Expr) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			return c.contextDone(e.X) || c.contextDone(e.Y)
		case token.LOR:
			return c.contextDone(e.X) && c.contextDone(e.Y)
		case token.NEQ:
			return c.ctxErrCall(e.X) && astq.IsNil(c.info, e.Y) || c.ctxErrCall(e.Y) && astq.IsNil(c.info, e.X)
		case token.EQL:
			return c.isContextErr(e.X) || c.isContextErr(e.Y)
		}
	case *ast.CallExpr:
		return sdk.CalleeSymbol(c.info, e) == symErrorsIs && len(e.Args) == 2 && c.isContextErr(e.Args[1])
	}
	return false
}

func (c *checker) ctxErrCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	return ok && sdk.CalleeSymbol(c.info, call) == symContextErr && !c.deadlineCtx(call)
}

// accumulated reports whether the call at cur collects an error into a
// list or a joined error (append, errors.Join, multierror.Append, ...)
// that the function returns, sends or stores where others see it, so
// the error is handled after the loop, not swallowed.
func (c *checker) accumulated(cur, loop inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	if !c.accumulates(call) {
		return false
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) != len(as.Rhs) {
		return false
	}
	i := slices.Index(as.Rhs, ast.Expr(call))
	if i < 0 {
		return false
	}
	id, ok := ast.Unparen(as.Lhs[i]).(*ast.Ident)
	if !ok {
		return true // a field or element: someone else sees it
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	if v == nil {
		return false
	}
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		return true // a package-level variable
	}
	for fn := range loop.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c.leavesFunc(fn, v)
	}
	return false
}

// leavesFunc reports whether the function at fn returns or sends a value
// that mentions v.
func (c *checker) leavesFunc(fn inspector.Cursor, v *types.Var) bool {
	found := false
	fn.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.SendStmt)(nil)}, func(cur inspector.Cursor) bool {
		switch n := cur.Node().(type) {
		case *ast.FuncLit:
			return cur == fn
		case *ast.ReturnStmt:
			found = found || slices.ContainsFunc(n.Results, func(e ast.Expr) bool { return c.mentions(e, v) })
		case *ast.SendStmt:
			found = found || c.mentions(n.Value, v)
		}
		return !found
	})
	return found
}

// accumulates reports whether call collects errors: the append builtin,
// errors.Join, or an Append/Combine function of an error-list package
// (hashicorp/go-multierror, go.uber.org/multierr).
func (c *checker) accumulates(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok {
			return b.Name() == "append"
		}
	}
	fn := astq.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	sym := sdk.SymbolOf(fn)
	if sym == symErrorsJoin {
		return true
	}
	return sym.Recv == "" && (sym.Name == "Append" || sym.Name == "Combine") && strings.Contains(fn.Pkg().Name(), "err")
}

// exitCall reports whether a call ends the process or goroutine: panic,
// os.Exit, runtime.Goexit, log.Fatal and the Fatal/Panic methods of
// loggers.
func (c *checker) exitCall(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := c.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	fn := astq.Callee(c.info, call)
	if fn == nil {
		return false
	}
	switch sdk.SymbolOf(fn) {
	case symOsExit, symRuntimeGoexit, symSyscallExit:
		return true
	}
	return strings.HasPrefix(fn.Name(), "Fatal") || strings.HasPrefix(fn.Name(), "Panic")
}

// leaves reports whether a break, continue or goto at cur leaves loop,
// as Go reads it: an unlabeled break belongs to the innermost for, range,
// switch or select around it, an unlabeled continue to the innermost
// loop (never leaving it); a labeled one to its label.
func (c *checker) leaves(cur inspector.Cursor, b *ast.BranchStmt, loop inspector.Cursor) bool {
	switch b.Tok {
	case token.BREAK, token.GOTO, token.CONTINUE:
	default:
		return false
	}
	if b.Label != nil {
		lbl, _ := c.info.Uses[b.Label].(*types.Label)
		if lbl == nil {
			return false
		}
		// A label on the loop: break leaves it, continue does not.
		if ls, ok := loop.Parent().Node().(*ast.LabeledStmt); ok && ls.Label.Name == b.Label.Name {
			return b.Tok == token.BREAK
		}
		// A label on a statement around the loop (or, for goto, anywhere
		// outside it).
		return lbl.Pos() < loop.Node().Pos() || lbl.Pos() > loop.Node().End()
	}
	if b.Tok != token.BREAK {
		return false
	}
	for p := cur.Parent(); p.Node() != nil; p = p.Parent() {
		if p == loop {
			return true
		}
		switch p.Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return false
		}
	}
	return false
}
