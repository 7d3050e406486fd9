package expiryerr

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

//go:embed doc.go
var doc string

// Analyzer is the expiryerr rule.
var Analyzer = rule.New(rule.Rule{
	Name:      "expiryerr",
	Doc:       doc,
	FactTypes: []analysis.Fact{new(ReturnsSDKError), new(IsClassifier)},
	Run:       run,
})

// ReturnsSDKError is the fact that a function's error result can be an
// error of an SDK call (preferably an operation).
type ReturnsSDKError struct {
	SDK       sdk.SDK
	Op        string // e.g. "s3.Client.GetObject"
	Where     string // file:line of the operation
	Operation bool   // an operation of an AWS service (S3, SQS, ...)
	Service   string // its service: "s3", "sqs", ...
	Head      bool   // a HEAD request (expiry arrives as BadRequest)
	Transfer  bool   // an uploader/downloader method
	Wrapped   bool   // wrapped on the way (fmt.Errorf, errors.Join, ...)
}

// AFact marks ReturnsSDKError as a fact.
func (*ReturnsSDKError) AFact() {}

func (f *ReturnsSDKError) String() string {
	s := "returnsSDKError(" + f.Op
	if f.Head {
		s += ", HEAD"
	}
	if f.Wrapped {
		s += ", wrapped"
	}
	return s + ")"
}

// IsClassifier is the fact that a function takes an error and classifies
// expiry codes (by code, or by text), so passing an error to it counts as
// handling it.
type IsClassifier struct {
	How   string // "code", "text", or the classifier it calls
	Where string // file:line of the check
}

// AFact marks IsClassifier as a fact.
func (*IsClassifier) AFact() {}

func (f *IsClassifier) String() string { return "isClassifier(" + f.How + ")" }

type checker struct {
	*flow
	cfgClassifiers map[sdk.Symbol]bool
	cls            map[*types.Func]*IsClassifier
	clsBusy        map[*types.Func]bool
	files          map[*token.File]*ast.File
	tables         map[types.Object]bool
	out            finding.List
	seen           map[ast.Node]bool
	loops          map[ast.Node]loopSeen // worker loops already reported
	fixVars        map[*types.Scope]int  // apiErr variables fixes declare, per block
}

func run(p *rule.Pass) (finding.List, error) {
	pass, reach, cfg := p.Pass, p.Reach, p.Config
	insp := reach.Inspector()

	c := &checker{
		flow:           newFlow(pass),
		cfgClassifiers: map[sdk.Symbol]bool{},
		cls:            map[*types.Func]*IsClassifier{},
		clsBusy:        map[*types.Func]bool{},
		files:          map[*token.File]*ast.File{},
		seen:           map[ast.Node]bool{},
	}
	for _, name := range cfg.Expiryerr.Classifiers {
		if path, recv, fn, err := config.SplitFuncName(name); err == nil {
			c.cfgClassifiers[sdk.Symbol{Path: path, Recv: recv, Name: fn}] = true
		}
	}
	for _, f := range pass.Files {
		c.files[pass.Fset.File(f.Pos())] = f
	}

	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil), (*ast.SwitchStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			c.checkDiscarded(cur, n)
			c.checkStream(cur, n)
			c.checkLoop(cur, n)
			c.checkCall(cur, n)
			c.checkTextHelper(n) // param.go
		case *ast.BinaryExpr:
			c.checkComparison(cur, n)
		case *ast.SwitchStmt:
			c.checkSwitch(n)
		}
	}

	// Facts, in a deterministic order.
	fns := make([]*types.Func, 0, len(c.decls))
	for fn := range c.decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return finding.ComparePos(pass.Fset, fns[i].Pos(), fns[j].Pos()) < 0 })
	for _, fn := range fns {
		if s := c.funcSource(fn); s != nil {
			where := s.where
			if where == "" {
				where = srctext.Where(pass.Fset, s.opPos)
			}
			pass.ExportObjectFact(fn, &ReturnsSDKError{SDK: s.sdk, Op: s.op, Where: where, Operation: s.isOp, Service: s.service, Head: s.head, Transfer: s.transfer, Wrapped: s.wrapped})
		}
		if cl := c.localClassifier(fn); cl != nil {
			pass.ExportObjectFact(fn, cl)
		}
	}
	return c.out, nil
}

func (c *checker) report(n ast.Node, msg string, fixes ...analysis.SuggestedFix) {
	if c.seen[n] {
		return
	}
	c.seen[n] = true
	c.out = append(c.out, finding.Finding{Pos: n.Pos(), End: n.End(), Message: msg, SuggestedFixes: fixes})
}

// relate adds a step at where ("path/file.go:line") to the finding just
// reported at n.
func (c *checker) relate(n ast.Node, where, msg string) {
	if len(c.out) == 0 || c.out[len(c.out)-1].Pos != n.Pos() {
		return
	}
	if r, ok := finding.Step(c.pass.Fset, where, msg); ok {
		f := &c.out[len(c.out)-1]
		f.Related = append(f.Related, r)
	}
}

func (c *checker) where(pos token.Pos) string { return srctext.Where(c.pass.Fset, pos) }

// ---- 1. discarded errors ----

func (c *checker) checkDiscarded(cur inspector.Cursor, call *ast.CallExpr) {
	src := c.opSource(call, call.Pos(), 0)
	if src == nil || src.request {
		return
	}
	how := c.discardHow(cur, call)
	if how == "" {
		return
	}
	what := "an expired token goes unseen"
	if src.presign {
		what = "a failed credential fetch leaves an empty URL, unseen"
	}
	c.report(call, fmt.Sprintf("the error of %s is discarded (%s): %s; %s", src.op, how, what, handleAdvice(src)))
}

// discardHow says how the error result of call is discarded, or "".
func (c *checker) discardHow(cur inspector.Cursor, call *ast.CallExpr) string {
	switch p := cur.Parent().Node().(type) {
	case *ast.ExprStmt:
		if in := enclosingLitRole(cur); in != "" {
			return "a bare call " + in
		}
		return "a bare call"
	case *ast.GoStmt:
		if p.Call == call {
			return "go statement: the error is lost"
		}
	case *ast.DeferStmt:
		if p.Call == call {
			return "deferred call: the error is lost"
		}
	case *ast.AssignStmt:
		if id, ok := errLhs(c.info, p.Lhs, p.Rhs, call).(*ast.Ident); ok && id.Name == "_" {
			return "assigned to _"
		}
	case *ast.ValueSpec:
		lhs := make([]ast.Expr, len(p.Names))
		for i, id := range p.Names {
			lhs[i] = id
		}
		if id, ok := errLhs(c.info, lhs, p.Values, call).(*ast.Ident); ok && id.Name == "_" {
			return "assigned to _"
		}
	}
	return ""
}

// enclosingLitRole says whether the statement at cur is in a function
// literal run by go or defer.
func enclosingLitRole(cur inspector.Cursor) string {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := c.Node().(*ast.FuncLit); !ok {
			return ""
		}
		call, ok := c.Parent().Node().(*ast.CallExpr)
		if !ok || call.Fun != c.Node() {
			return ""
		}
		switch c.Parent().Parent().Node().(type) {
		case *ast.GoStmt:
			return "in a goroutine"
		case *ast.DeferStmt:
			return "in a deferred function"
		}
		return ""
	}
	return ""
}

// errLhs returns the left-hand side that receives the error result of
// call in an assignment lhs = rhs, or nil.
func errLhs(info *types.Info, lhs, rhs []ast.Expr, call *ast.CallExpr) ast.Expr {
	_, errIdx := results(info.TypeOf(call))
	if errIdx < 0 {
		return nil
	}
	if len(lhs) == len(rhs) {
		for i, r := range rhs {
			if ast.Unparen(r) == call && errIdx == 0 {
				return lhs[i]
			}
		}
		return nil
	}
	if len(rhs) == 1 && ast.Unparen(rhs[0]) == call && errIdx < len(lhs) {
		return lhs[errIdx]
	}
	return nil
}

// ---- 2. and 3. text matching, HEAD misread, checks on wrapped errors ----

func (c *checker) checkCall(cur inspector.Cursor, call *ast.CallExpr) {
	if m, ok := c.matchText(call); ok {
		c.checkText(cur, m)
		return
	}
	if m, ok := c.matchCode(call); ok {
		c.checkCode(m)
		return
	}
	fn := astq.Callee(c.info, call)
	if fn == nil {
		return
	}
	sym := sdk.SymbolOf(fn)
	if sdk.ExpiryClassifier(sym) {
		// request.IsErrorExpiredCreds(err), req.IsErrorExpired()
		var arg ast.Expr
		if len(call.Args) == 1 {
			arg = call.Args[0]
		} else if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) == 0 {
			arg = sel.X
		}
		src := c.exprSource(arg, -1, call.Pos(), 0)
		switch {
		case src == nil:
		case src.head:
			c.report(call, headMessage(sym.String()+" on", src))
		case src.wrapped:
			c.report(call, wrappedMessage(sym.String(), "a type assertion does not unwrap", src, c.where(src.wrapPos)))
		}
		return
	}
	// A helper that classifies expiry codes, given the error of a HEAD request.
	if sdk.IsSDKPackage(fn.Pkg()) {
		return
	}
	cl := c.classifierOf(fn)
	if cl == nil {
		return
	}
	for _, a := range call.Args {
		if src := c.exprSource(a, -1, call.Pos(), 0); src != nil && src.head {
			c.report(call, headMessage(srctext.FuncName(fn)+" (an ExpiredToken check) on", src))
			// Where it checks is a step of the chain, not of the sentence.
			c.relate(call, cl.Where, srctext.FuncName(fn)+" checks for ExpiredToken")
			return
		}
	}
}

func (c *checker) checkComparison(cur inspector.Cursor, b *ast.BinaryExpr) {
	if m, ok := c.matchText(b); ok {
		c.checkText(cur, m)
		return
	}
	if m, ok := c.matchCode(b); ok {
		c.checkCode(m)
	}
}

func (c *checker) checkSwitch(sw *ast.SwitchStmt) {
	cases, errExpr, byCode := c.switchCases(sw)
	if len(cases) == 0 {
		return
	}
	src := c.exprSource(errExpr, -1, sw.Pos(), 0)
	if src == nil || src.request {
		return
	}
	for _, e := range cases {
		text, _ := astq.StringConst(c.info, e)
		switch {
		case src.head && byCode:
			c.report(e, headMessage("the check of the code for "+text+" on", src))
		case src.head:
			c.report(e, headMessage(fmt.Sprintf("matching the error's text against %q on", text), src))
		case byCode && src.wrapped && src.assert:
			c.report(e, wrappedMessage("this check of the code", assertKind(src), src, c.where(src.wrapPos)))
		case !byCode:
			c.report(e, textMessage("a switch on its text", text, src, c.where(src.wrapPos)))
		}
	}
}

func (c *checker) checkText(cur inspector.Cursor, m textMatch) {
	src := c.exprSource(m.err, -1, m.node.Pos(), 0)
	if src == nil {
		src = c.paramSource(m.err, m.node.Pos(), 0) // a helper given S3 errors (param.go)
	}
	if src == nil || src.request {
		return
	}
	if src.head {
		c.report(m.node, headMessage(fmt.Sprintf("matching the error's text against %q on", m.text), src))
		return
	}
	c.report(m.node, textMessage(fmt.Sprintf("%s %q", m.how, m.text), m.text, src, c.where(src.wrapPos)), c.textFix(cur, m, src)...)
}

func (c *checker) checkCode(m codeMatch) {
	src := c.exprSource(m.recv, -1, m.node.Pos(), 0)
	if src == nil || src.request {
		return
	}
	switch {
	case src.head:
		c.report(m.node, headMessage("the check of the code for "+m.code+" on", src))
	case src.wrapped && src.assert:
		c.report(m.node, wrappedMessage("this check of the code", assertKind(src), src, c.where(src.wrapPos)))
	}
}

func assertKind(src *source) string {
	if src.sdk == sdk.Minio {
		return "a type switch does not unwrap"
	}
	return "a type assertion does not unwrap"
}

// ---- classifiers ----

// classifierOf returns how the function fn classifies expiry errors, or
// nil: a function named in expiryerr.classifiers, an SDK expiry
// classifier, or a function of the program that classifies expiry codes.
func (c *checker) classifierOf(fn *types.Func) *IsClassifier {
	if fn == nil {
		return nil
	}
	sym := sdk.SymbolOf(fn)
	if c.cfgClassifiers[sym] {
		return &IsClassifier{How: "named in expiryerr.classifiers"}
	}
	if sdk.ExpiryClassifier(sym) {
		return &IsClassifier{How: "code"}
	}
	if fn.Pkg() == c.pass.Pkg {
		return c.localClassifier(fn)
	}
	if fn.Pkg() == nil || sdk.IsSDKPackage(fn.Pkg()) {
		return nil
	}
	var f IsClassifier
	if c.pass.ImportObjectFact(fn, &f) {
		return &f
	}
	return nil
}

// localClassifier decides whether a function of this package with an
// error parameter classifies expiry codes: it compares an SDK error's code
// (or its text) with an expiry code, calls an SDK expiry classifier, or
// calls another classifier.
func (c *checker) localClassifier(fn *types.Func) *IsClassifier {
	if cl, ok := c.cls[fn]; ok {
		return cl
	}
	decl := c.decls[fn]
	if decl == nil || decl.Body == nil || c.clsBusy[fn] || !hasErrorParam(fn) {
		return nil
	}
	c.clsBusy[fn] = true
	var byCode, byText, calls *IsClassifier
	codeAccess, codeLiteral := false, false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			if s, ok := astq.StringConst(c.info, n); ok && expiryCode(s) {
				codeLiteral = true
			}
		case *ast.Ident:
			// A named constant, or a package-level table of expiry codes.
			if s, ok := astq.StringConst(c.info, n); ok && expiryCode(s) {
				codeLiteral = true
			} else if c.expiryTables()[c.info.Uses[n]] {
				codeLiteral = true
			}
		case *ast.SelectorExpr:
			if _, ok := c.codeOf(n, maxDepth); ok {
				codeAccess = true
			}
		case *ast.BinaryExpr:
			if _, ok := c.matchCode(n); ok && byCode == nil {
				byCode = &IsClassifier{How: "code", Where: c.where(n.Pos())}
			} else if _, ok := c.matchText(n); ok && byText == nil {
				byText = &IsClassifier{How: "text", Where: c.where(n.Pos())}
			}
		case *ast.SwitchStmt:
			if cases, _, code := c.switchCases(n); len(cases) > 0 {
				if code && byCode == nil {
					byCode = &IsClassifier{How: "code", Where: c.where(cases[0].Pos())}
				} else if !code && byText == nil {
					byText = &IsClassifier{How: "text", Where: c.where(cases[0].Pos())}
				}
			}
		case *ast.CallExpr:
			if _, ok := c.codeOf(n, maxDepth); ok {
				codeAccess = true
			}
			callee := astq.Callee(c.info, n)
			switch {
			case callee == nil:
			case sdk.ExpiryClassifier(sdk.SymbolOf(callee)):
				if byCode == nil {
					byCode = &IsClassifier{How: "code", Where: c.where(n.Pos())}
				}
			default:
				if _, ok := c.matchCode(n); ok && byCode == nil {
					byCode = &IsClassifier{How: "code", Where: c.where(n.Pos())}
				} else if _, ok := c.matchText(n); ok && byText == nil {
					byText = &IsClassifier{How: "text", Where: c.where(n.Pos())}
				} else if callee != fn && calls == nil {
					if cl := c.classifierOf(callee); cl != nil {
						calls = &IsClassifier{How: "calls " + srctext.FuncName(callee), Where: c.where(n.Pos())}
					}
				}
			}
		}
		return true
	})
	delete(c.clsBusy, fn)
	var cl *IsClassifier
	switch {
	case byCode != nil:
		cl = byCode
	case codeAccess && codeLiteral:
		cl = &IsClassifier{How: "code", Where: c.where(decl.Pos())}
	case byText != nil:
		cl = byText
	case calls != nil:
		cl = calls
	}
	c.cls[fn] = cl
	return cl
}

// expiryTables returns the package-level variables of this package whose
// initial value holds an expiry code (a map or slice of codes).
func (c *checker) expiryTables() map[types.Object]bool {
	if c.tables != nil {
		return c.tables
	}
	c.tables = map[types.Object]bool{}
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				has := false
				for _, v := range vs.Values {
					ast.Inspect(v, func(n ast.Node) bool {
						if lit, ok := n.(*ast.BasicLit); ok {
							if s, ok := astq.StringConst(c.info, lit); ok && expiryCode(s) {
								has = true
							}
						}
						return !has
					})
				}
				for _, id := range vs.Names {
					if obj := c.info.Defs[id]; obj != nil && has {
						c.tables[obj] = true
					}
				}
			}
		}
	}
	return c.tables
}

func hasErrorParam(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return false
	}
	for i := range sig.Params().Len() {
		if implementsError(sig.Params().At(i).Type()) {
			return true
		}
	}
	return false
}

// classifies reports whether a call classifies the error it is given:
// errors.As/Is/AsType, an SDK classifier (minio.ToErrorResponse,
// request.IsErrorExpiredCreds, ...), or a classifier function.
// errors.Is(err, context.Canceled) (or DeadlineExceeded) only asks
// whether the loop is shutting down: it classifies nothing the SDK
// returns (dapr's SQS pub/sub logs every other error and polls again).
func (c *checker) classifies(call *ast.CallExpr) bool {
	fn := astq.Callee(c.info, call)
	if fn == nil {
		return false
	}
	switch sym := sdk.SymbolOf(fn); {
	case sym == symErrorsIs && len(call.Args) == 2 && c.isContextErr(call.Args[1]):
		return false
	case sym == symErrorsAs || sym == symErrorsIs || sym == symErrorsAsType:
		return true
	default:
		if _, ok := sdk.ClassifierFunc(sym); ok {
			return true
		}
	}
	return c.classifierOf(fn) != nil
}

// ---- messages ----

// shortCheck names the code-based expiry check for an SDK in a few words;
// docs/rules/expiryerr.md spells out each check.
func shortCheck(s sdk.SDK, wrapped bool) string {
	switch s {
	case sdk.V1:
		if wrapped {
			return "errors.As to awserr.Error"
		}
		return "request.IsErrorExpiredCreds"
	case sdk.Minio:
		if wrapped {
			return "errors.As to minio.ErrorResponse"
		}
		return "minio.ToErrorResponse"
	}
	return "errors.As to smithy.APIError"
}

func handleAdvice(src *source) string {
	if src.head {
		return "return it"
	}
	return "return it or check its code"
}

// recovery says what to do on expiry in a worker loop, per SDK. A HEAD
// request never reports ExpiredToken (an expired token arrives as a bare
// 400), so the advice there is to leave the loop, not to classify.
func recovery(src *source) string {
	if src.head {
		return "HEAD errors never say ExpiredToken: return or exit"
	}
	return "classify it (" + loopCheck[src.sdk] + ") or exit"
}

// loopSeen is the first finding in a worker loop: where, and its advice.
type loopSeen struct {
	pos    token.Pos
	advice string
}

// loopCheck names the check a worker loop should make, per SDK.
var loopCheck = map[sdk.SDK]string{
	sdk.V1:    "request.IsErrorExpiredCreds",
	sdk.V2:    "smithy.APIError",
	sdk.Minio: "minio.ToErrorResponse",
}

// describe names where an error comes from: the helper that returns it,
// with the operation and where that is called.
func describe(src *source) string {
	if src.via != "" {
		if src.where != "" {
			return fmt.Sprintf("%s (%s at %s)", src.via, src.op, src.where)
		}
		return fmt.Sprintf("%s (%s)", src.via, src.op)
	}
	return src.op
}

func textMessage(how, text string, src *source, wrapAt string) string {
	why := "check the code (" + shortCheck(src.sdk, src.wrapped) + ")"
	l := strings.ToLower(text)
	if src.sdk == sdk.Minio && (strings.Contains(l, "expiredtoken") || strings.Contains(l, "requestexpired")) {
		why = "minio-go's Error() never holds the code; " + why
	}
	if src.flat {
		why = fmt.Sprintf("wrap with %%w at %s and check the code", wrapAt)
	}
	return fmt.Sprintf("expiry is found by text (%s) on the error of %s: %s", finding.Clip(how, 44), describe(src), why)
}

func headMessage(what string, src *source) string {
	code := "BadRequest"
	if src.sdk == sdk.Minio {
		code = "400 Bad Request"
	}
	return fmt.Sprintf("%s %s never fires: HEAD errors say %s; treat a 400 as expiry",
		what, describe(src), code)
}

func wrappedMessage(what, why string, src *source, wrapAt string) string {
	return fmt.Sprintf("%s never fires on the error of %s, wrapped at %s: %s; use %s",
		what, describe(src), wrapAt, why, shortCheck(src.sdk, true))
}

// isContextErr reports whether e is context.Canceled or
// context.DeadlineExceeded.
func (c *checker) isContextErr(e ast.Expr) bool {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.Ident:
		id = x
	default:
		return false
	}
	switch sdk.SymbolOf(c.info.Uses[id]) {
	case symContextCanceled, symContextDeadlineExceeded:
		return true
	}
	return false
}
