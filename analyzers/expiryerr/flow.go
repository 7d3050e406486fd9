package expiryerr

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/defuse"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// source says where an error value (or a v1 request) comes from.
type source struct {
	sdk      sdk.SDK
	op       string    // the operation or SDK function, e.g. "s3.Client.GetObject", "sqs.Client.ReceiveMessage"
	opPos    token.Pos // where it is called in this package, or NoPos
	where    string    // file:line of the operation (set for facts of other packages)
	isOp     bool      // an operation of an AWS service (S3, SQS, ...), not another SDK call
	service  string    // the operation's service: "s3", "sqs", ... (expiry codes differ)
	head     bool      // a HEAD request: an expired token arrives as BadRequest
	transfer bool      // an uploader/downloader/batch method (v1 wraps their errors)
	presign  bool      // a presign method: signs, sends nothing
	request  bool      // a v1 *request.Request from an XxxRequest builder, not an error
	wrapped  bool      // wrapped by the program (fmt.Errorf, errors.Join, ...)
	flat     bool      // formatted without %w: the SDK error is no longer in the chain
	wrapPos  token.Pos // where it was wrapped
	assert   bool      // taken out by a classifier that does not unwrap (type assertion, minio.ToErrorResponse)
	via      string    // the helper function that returns it, e.g. "store.get"
}

func (s source) with(f func(*source)) *source {
	f(&s)
	return &s
}

// assign is one assignment to a variable.
type assign struct {
	pos token.Pos
	rhs ast.Expr // nil for a declaration without a value
	idx int      // index into a tuple-valued rhs, or -1
}

// flow tracks, inside one package, where error values come from: the
// latest assignment before a use (in source order) decides, which is
// right for the straight-line `x, err := op(); if err != nil` code the
// rule looks at. Functions of the package are summarised on demand;
// functions of other packages through ReturnsSDKError facts.
type flow struct {
	pass    *analysis.Pass
	info    *types.Info
	assigns map[*types.Var][]assign
	du      *defuse.Index
	decls   map[*types.Func]*ast.FuncDecl
	funcSrc map[*types.Func]*source
	busy    map[*types.Func]bool
}

func newFlow(pass *analysis.Pass) *flow {
	f := &flow{
		pass:    pass,
		info:    pass.TypesInfo,
		assigns: map[*types.Var][]assign{},
		funcSrc: map[*types.Func]*source{},
		busy:    map[*types.Func]bool{},
	}
	add := func(lhs ast.Expr, rhs ast.Expr, idx int, pos token.Pos) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok || id.Name == "_" {
			return
		}
		v, _ := f.info.ObjectOf(id).(*types.Var)
		if v == nil {
			return
		}
		f.assigns[v] = append(f.assigns[v], assign{pos, rhs, idx})
	}
	reach := pass.ResultOf[sdk.Analyzer].(*sdk.Reach)
	du := reach.DefUse()
	f.du, f.decls = du, du.Decls
	// One filtered walk of the shared inspector (the order of ast.Inspect
	// over pass.Files), not a walk of every node of every file.
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.TypeSwitchStmt)(nil)}
	for cur := range reach.Inspector().Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			for _, st := range du.Stores(n) {
				add(st.Lhs, st.Rhs, st.Idx, st.Pos)
			}
		case *ast.CallExpr:
			// errors.As(err, &target): target takes err's provenance.
			if sdk.CalleeSymbol(f.info, n) == symErrorsAs && len(n.Args) == 2 {
				if u, ok := ast.Unparen(n.Args[1]).(*ast.UnaryExpr); ok && u.Op == token.AND {
					add(u.X, n.Args[0], -1, n.Pos())
				}
			}
		case *ast.TypeSwitchStmt:
			// switch e := err.(type): each clause's e takes err's provenance.
			as, ok := n.Assign.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 {
				break
			}
			for _, cl := range n.Body.List {
				if v, _ := f.info.Implicits[cl].(*types.Var); v != nil {
					f.assigns[v] = append(f.assigns[v], assign{cl.Pos(), as.Rhs[0], -1})
				}
			}
		}
	}
	for _, l := range f.assigns {
		sort.SliceStable(l, func(i, j int) bool { return finding.ComparePos(f.pass.Fset, l[i].pos, l[j].pos) < 0 })
	}
	return f
}

const maxDepth = 16

// lastAssign returns the assignment of v that reaches a use at pos: the
// latest one before it (any one for package-level variables).
func (f *flow) lastAssign(v *types.Var, at token.Pos) *assign {
	l := f.assigns[v]
	global := v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
	var a *assign
	for i := range l {
		if global || l[i].pos < at {
			a = &l[i]
		}
	}
	return a
}

// exprSource returns where the value of e (element idx of a tuple, or -1)
// evaluated at position at comes from, or nil if not from an SDK.
func (f *flow) exprSource(e ast.Expr, idx int, at token.Pos, depth int) *source {
	if e == nil || depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if idx >= 0 {
			return nil
		}
		v, _ := f.info.Uses[e].(*types.Var)
		if v == nil {
			return nil
		}
		a := f.lastAssign(v, at)
		if a == nil {
			return nil
		}
		return f.exprSource(a.rhs, a.idx, a.pos, depth+1)
	case *ast.CallExpr:
		return f.callSource(e, idx, at, depth)
	case *ast.TypeAssertExpr:
		if idx > 0 {
			return nil
		}
		if s := f.exprSource(e.X, -1, at, depth+1); s != nil {
			return s.with(func(s *source) { s.assert = true })
		}
	}
	return nil
}

// results returns the number of results of a call and the index of its
// error result (-1 if the last result is not an error).
func results(t types.Type) (n, errIdx int) {
	errIdx = -1
	switch t := t.(type) {
	case nil:
		return 0, -1
	case *types.Tuple:
		n = t.Len()
		if n > 0 && isErrorType(t.At(n-1).Type()) {
			errIdx = n - 1
		}
		return n, errIdx
	default:
		if isErrorType(t) {
			errIdx = 0
		}
		return 1, errIdx
	}
}

func isErrorType(t types.Type) bool {
	return t != nil && types.Identical(t, errorType)
}

// implementsError reports whether values of type t are errors.
func implementsError(t types.Type) bool {
	return t != nil && types.Implements(t, errorIface)
}

var (
	errorType  = types.Universe.Lookup("error").Type()
	errorIface = errorType.Underlying().(*types.Interface)
)

// opSource returns the source of a direct operation call: a method of a
// service client (S3, SQS, DynamoDB, ...), presign client or transfer
// type, a method of an interface that mirrors one, or v1 req.Send() on a
// request from a builder. It
// also returns v1 requests from XxxRequest builders (request = true).
func (f *flow) opSource(call *ast.CallExpr, at token.Pos, depth int) *source {
	fn := astq.Callee(f.info, call)
	if fn == nil || sdk.PresignCall(fn) {
		return nil // presigning sends no request
	}
	if s, m, ok := sdk.MirroredOperation(fn); ok && !sdk.PresignCall(m) {
		return &source{sdk: s, op: sdk.SymbolOf(m).String(), opPos: call.Pos(), isOp: true, service: sdk.OperationService(m), head: sdk.IsHeadOperation(m), transfer: isTransfer(m)}
	}
	if s, ok := sdk.Operation(fn); ok {
		return &source{sdk: s, op: sdk.SymbolOf(fn).String(), opPos: call.Pos(), isOp: true, service: sdk.OperationService(fn), head: sdk.IsHeadOperation(fn), transfer: isTransfer(fn), presign: isKind(fn, sdk.PresignClient)}
	}
	if s, ok := sdk.RequestBuilder(fn); ok {
		return &source{sdk: s, op: sdk.SymbolOf(fn).String(), opPos: call.Pos(), isOp: true, service: sdk.OperationService(fn), head: sdk.IsHeadOperation(fn), request: true}
	}
	if sdk.SymbolOf(fn) == sdk.RequestSend {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		if r := f.exprSource(sel.X, -1, at, depth+1); r != nil && r.request {
			return r.with(func(s *source) {
				s.request = false
				s.op += "(...).Send"
				s.opPos = call.Pos()
			})
		}
	}
	return nil
}

func isTransfer(fn *types.Func) bool { return isKind(fn, sdk.Transfer) }

// isKind reports whether fn is a method of an SDK client type of kind k.
func isKind(fn *types.Func, k sdk.ClientKind) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return false
	}
	c, ok := sdk.ClientTypeOf(sig.Recv().Type())
	return ok && c.Kind == k
}

// helperSource returns the source of the error result of a call to a
// function of the program (this package, or another one through its
// ReturnsSDKError fact) that returns an SDK error.
func (f *flow) helperSource(call *ast.CallExpr) *source {
	fn := astq.Callee(f.info, call)
	if fn == nil || fn.Pkg() == nil || sdk.IsSDKPackage(fn.Pkg()) {
		return nil
	}
	name := srctext.FuncName(fn)
	if fn.Pkg() == f.pass.Pkg {
		if s := f.funcSource(fn); s != nil {
			return s.with(func(s *source) {
				if s.via == "" {
					s.via = name
				}
				if s.where == "" && s.opPos.IsValid() {
					s.where = srctext.Where(f.pass.Fset, s.opPos)
				}
				s.opPos = token.NoPos
			})
		}
		return nil
	}
	var fact ReturnsSDKError
	if f.pass.ImportObjectFact(fn, &fact) {
		return &source{sdk: fact.SDK, op: fact.Op, where: fact.Where, isOp: fact.Operation, service: fact.Service, head: fact.Head, transfer: fact.Transfer, wrapped: fact.Wrapped, via: name}
	}
	return nil
}

func (f *flow) callSource(call *ast.CallExpr, idx int, at token.Pos, depth int) *source {
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		return nil // a conversion
	}
	n, errIdx := results(f.info.TypeOf(call))
	want := idx
	if want < 0 {
		if n != 1 {
			return nil
		}
		want = 0
	}
	isErr := want == errIdx
	if s := f.opSource(call, at, depth); s != nil {
		if (s.request && want == 0) || (!s.request && isErr) {
			return s
		}
		return nil
	}
	fn := astq.Callee(f.info, call)
	if fn != nil {
		sym := sdk.SymbolOf(fn)
		switch {
		case sym == symErrorsAsType:
			if want == 0 && len(call.Args) == 1 {
				return f.exprSource(call.Args[0], -1, at, depth+1)
			}
			return nil
		case sym == symErrorsUnwrap || (fn.Name() == "Cause" && !sdk.IsSDKPackage(fn.Pkg())):
			if len(call.Args) == 1 {
				if s := f.exprSource(call.Args[0], -1, at, depth+1); s != nil {
					return s.with(func(s *source) { s.wrapped, s.flat = false, false })
				}
			}
			return nil
		}
		if c, ok := sdk.ClassifierFunc(sym); ok {
			// minio.ToErrorResponse(err): the classified error value.
			if want == 0 && len(call.Args) == 1 && !isBool(f.info.TypeOf(call)) {
				if s := f.exprSource(call.Args[0], -1, at, depth+1); s != nil {
					return s.with(func(s *source) { s.assert = s.assert || !c.Unwraps })
				}
			}
			return nil
		}
		if !isErr {
			return nil
		}
		if s := sdk.SDKOf(sdk.PackagePath(fn.Pkg())); s != sdk.None {
			return &source{sdk: s, op: sym.String(), opPos: call.Pos()}
		}
		if s := f.helperSource(call); s != nil {
			return s
		}
		if !wrapper(sym) && !f.wrapsParam(fn) {
			return nil
		}
	} else if !isErr {
		return nil
	}
	// A wrapper: fmt.Errorf("...: %w", err), errors.Join, errors.Wrap, ...
	flat := false
	if fn != nil && sdk.SymbolOf(fn) == symFmtErrorf && len(call.Args) > 0 {
		if format, ok := astq.StringConst(f.info, call.Args[0]); ok && !strings.Contains(format, "%w") {
			flat = true
		}
	}
	for _, a := range call.Args {
		if s := f.exprSource(a, -1, at, depth+1); s != nil && !s.request {
			return s.with(func(s *source) {
				s.wrapped = true
				s.flat = s.flat || flat
				s.wrapPos = call.Pos()
			})
		}
	}
	return nil
}

// better prefers operations over other SDK calls, and errors as the
// SDK returned them over wrapped ones.
func better(s, best *source) bool {
	switch {
	case best == nil:
		return true
	case s.isOp != best.isOp:
		return s.isOp
	}
	return best.wrapped && !s.wrapped
}

func isBool(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// wrapper reports whether sym wraps an error argument into its error result.
func wrapper(sym sdk.Symbol) bool {
	switch sym {
	case symFmtErrorf, symErrorsJoin:
		return true
	}
	switch sym.Name {
	case "Wrap", "Wrapf", "WithMessage", "WithMessagef", "WithStack", "Annotate", "Annotatef", "Trace", "Mark":
		return sym.Recv == ""
	}
	return false
}

// wrapsParam reports whether a function of this package returns its error
// parameter, as is or through a wrapper (a local wrapErr helper).
func (f *flow) wrapsParam(fn *types.Func) bool {
	decl := f.decls[fn]
	if decl == nil || decl.Body == nil {
		return false
	}
	params := map[types.Object]bool{}
	for _, fld := range decl.Type.Params.List {
		for _, id := range fld.Names {
			if obj := f.info.Defs[id]; obj != nil && implementsError(obj.Type()) {
				params[obj] = true
			}
		}
	}
	if len(params) == 0 {
		return false
	}
	isParam := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && params[f.info.Uses[id]]
	}
	found := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if isParam(r) {
					found = true
				} else if call, ok := ast.Unparen(r).(*ast.CallExpr); ok && wrapper(sdk.CalleeSymbol(f.info, call)) && slices.ContainsFunc(call.Args, isParam) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// funcSource summarises a function of this package: where its error
// result comes from, if from the SDKs (an operation preferred).
func (f *flow) funcSource(fn *types.Func) *source {
	if s, ok := f.funcSrc[fn]; ok {
		return s
	}
	decl := f.decls[fn]
	if decl == nil || decl.Body == nil || f.busy[fn] {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	nres, errIdx := results(sig.Results())
	if errIdx < 0 {
		f.funcSrc[fn] = nil
		return nil
	}
	f.busy[fn] = true
	var best *source
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var s *source
			if len(n.Results) == nres {
				s = f.exprSource(n.Results[errIdx], -1, n.Pos(), 0)
			} else if len(n.Results) == 1 && nres > 1 {
				s = f.exprSource(n.Results[0], errIdx, n.Pos(), 0)
			}
			if s != nil && !s.request && better(s, best) {
				best = s
			}
		}
		return true
	})
	delete(f.busy, fn)
	f.funcSrc[fn] = best
	return best
}
