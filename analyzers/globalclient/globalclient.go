package globalclient

import (
	"cmp"
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/defuse"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

//go:embed doc.go
var doc string

// Analyzer is the globalclient rule.
var Analyzer = rule.New(rule.Rule{
	Name:      "globalclient",
	Doc:       doc,
	Flow:      true,
	FactTypes: []analysis.Fact{(*SetsGlobals)(nil)},
	Run:       run,
})

// SetsGlobals is the fact that calling an exported function or method sets
// package-level AWS clients (of its package, or of packages it calls) on
// credentials that cannot refresh: storage.Init() called from main makes
// storage's client live for the whole process. The package that calls it
// from its own start-up code reports at the call.
type SetsGlobals struct {
	Sets []GlobalSet
}

// GlobalSet is one package-level variable a function sets.
type GlobalSet struct {
	Global string // "storage.client", "storage.app.s3"
	Origin string // credflow.Origin.String() of its credentials
	Brief  string // the same, shortened for a message (briefOrigin)
	SDK    sdk.SDK
	Type   string // the client type it is or holds, e.g. "*sqs.Client"
}

// AFact marks SetsGlobals as a fact.
func (*SetsGlobals) AFact() {}

func (f *SetsGlobals) String() string {
	names := make([]string, len(f.Sets))
	for i, s := range f.Sets {
		names[i] = s.Global
	}
	return "setsGlobals(" + strings.Join(names, ", ") + ")"
}

// global is a package-level variable that can hold an AWS client.
type global struct {
	v     *types.Var
	ident *ast.Ident
	sets  []set
}

// set is one process-lifetime assignment of a global (or of a field of it).
type set struct {
	name string   // "client", "app.s3"
	rhs  ast.Expr // the value
	idx  int      // result index of a multi-value call, or -1
	how  string   // "set at its declaration", "set in init", ...
}

type checker struct {
	pass     *analysis.Pass
	info     *types.Info
	cfg      *config.Config
	userCtor map[sdk.Symbol]bool
	globals  map[*types.Var]*global
	order    []*global
	funcs    map[*types.Func]*ast.FuncDecl
	du       *defuse.Index // the package's def-use index (sdk.Reach.DefUse)
	visited  map[*ast.BlockStmt]bool
	flow     *credflow.Flow
	// calls of other packages' functions that set their globals, made from
	// this package's start-up code
	crossCalls []crossCall
	// setsOf memo and cycle guard
	funcSets map[*types.Func][]GlobalSet
	busy     map[*types.Func]bool
}

// crossCall is a call, in start-up code, of a function of another package
// that sets that package's globals on static credentials.
type crossCall struct {
	call *ast.CallExpr
	fn   *types.Func
	how  string
	sets []GlobalSet
}

func run(p *rule.Pass) (finding.List, error) {
	pass := p.Pass
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		cfg:      p.Config,
		userCtor: map[sdk.Symbol]bool{},
		globals:  map[*types.Var]*global{},
		funcs:    map[*types.Func]*ast.FuncDecl{},
		visited:  map[*ast.BlockStmt]bool{},
		funcSets: map[*types.Func][]GlobalSet{},
		busy:     map[*types.Func]bool{},
	}
	for _, n := range c.cfg.Globalclient.Constructors {
		if p, r, name, err := config.SplitFuncName(n); err == nil {
			c.userCtor[sdk.Symbol{Path: p, Recv: r, Name: name}] = true
		}
	}
	flow := p.Flow
	c.flow = flow
	insp := p.Reach.Inspector()

	c.collectGlobals()

	// Lifetime code: init, main and what they call, sync.Once.Do and
	// sync.OnceValue(s) functions.
	var mains, inits []*ast.FuncDecl
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || fd.Recv != nil {
				continue
			}
			switch {
			case fd.Name.Name == "init":
				inits = append(inits, fd)
			case fd.Name.Name == "main" && pass.Pkg.Name() == "main":
				mains = append(mains, fd)
			}
		}
	}
	for _, fd := range inits {
		c.walk(fd.Body, "set in init", "init")
	}
	for _, fd := range mains {
		c.walk(fd.Body, "set in main", "main")
	}
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		sym := sdk.CalleeSymbol(c.info, call)
		var how string
		switch sym {
		case sdk.SyncOnceDo:
			how = "set in sync.Once.Do"
		case sdk.SyncOnceValue, sdk.SyncOnceValues, sdk.SyncOnceFunc:
			how = "set in " + sym.String()
		default:
			continue
		}
		for _, a := range call.Args {
			switch fn := ast.Unparen(a).(type) {
			case *ast.FuncLit:
				c.walk(fn.Body, how, "")
			case *ast.Ident, *ast.SelectorExpr:
				if f, ok := c.info.Uses[astq.IdentOf(fn)].(*types.Func); ok {
					if fd := c.funcs[f]; fd != nil {
						c.walk(fd.Body, how, "")
					}
				}
			}
		}
	}

	var out finding.List
	var static []reportedGlobal
	for _, g := range c.order {
		if len(g.sets) == 0 {
			continue
		}
		reported := false
		for _, s := range g.sets {
			if !c.clientValue(g, s) {
				continue // an interface of the program's own set to something else
			}
			var cr credflow.Cred
			if s.idx >= 0 {
				cr = flow.OfResult(s.rhs, s.idx)
			} else {
				cr = flow.Of(s.rhs)
			}
			if cr.State != credflow.Static && s.name == g.v.Name() {
				// cfg = base.Copy(), then cfg.Credentials = p: what the
				// variable holds after the stores into it.
				cr = flow.OfVar(g.v)
			}
			if cr.State != credflow.Static || cr.Origin == nil || flow.Placeholder(cr) {
				continue
			}
			static = append(static, reportedGlobal{g, s, cr.Origin.String(), len(out)})
			out = append(out, finding.Finding{
				Pos:     g.ident.Pos(),
				End:     g.ident.End(),
				Message: fmt.Sprintf("%s (%s) is process-wide (%s) on %s%s: they never refresh; use %s", s.name, c.clientType(g, s), s.how, briefOrigin(cr.Origin), mixed(cr), defaultChain(cr.Origin.SDK)),
				Related: append(setStep(c.pass, g.ident, s), originSteps(c.pass, cr.Origin)...),
			})
			reported = true
			break
		}
		if !reported && c.cfg.Globalclient.Strict && c.clientValue(g, g.sets[0]) {
			s := g.sets[0]
			out = append(out, finding.Finding{
				Pos:     g.ident.Pos(),
				End:     g.ident.End(),
				Message: fmt.Sprintf("%s (%s) lives for the whole process (%s): reported by globalclient.strict; build AWS clients where used or in a factory", s.name, c.clientType(g, s), s.how),
			})
		}
	}
	out = c.groupBuiltFrom(out, static)
	for _, cc := range c.crossCalls {
		s := cc.sets[0]
		out = append(out, finding.Finding{
			Pos:     cc.call.Pos(),
			End:     cc.call.End(),
			Message: fmt.Sprintf("%s sets %s, a process-wide %s (%s), on %s: they never refresh; use %s", srctext.FuncName(cc.fn), s.Global, setType(s), strings.TrimPrefix(cc.how, "set "), cmp.Or(s.Brief, finding.Clip(s.Origin, 90)), defaultChain(s.SDK)),
		})
	}
	c.exportFacts()
	return out, nil
}

// exportFacts exports SetsGlobals on the package's exported functions and
// methods that set its globals (or call functions that set theirs) on static
// credentials, unless the package's own start-up code already calls them
// (then the global is reported at its declaration).
func (c *checker) exportFacts() {
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() || c.visited[fd.Body] {
				continue
			}
			fn, _ := c.info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if sets := c.setsOf(fn); len(sets) > 0 {
				c.pass.ExportObjectFact(fn, &SetsGlobals{Sets: sets})
			}
		}
	}
}

// setsOf returns the globals a call of fn sets on static credentials: its
// own assignments to this package's globals, those of the same-package
// functions it calls, and those of other packages' functions (facts).
func (c *checker) setsOf(fn *types.Func) []GlobalSet {
	if sets, ok := c.funcSets[fn]; ok {
		return sets
	}
	if c.busy[fn] {
		return nil
	}
	fd := c.funcs[fn]
	if fd == nil {
		return nil
	}
	c.busy[fn] = true
	defer delete(c.busy, fn)
	var sets []GlobalSet
	add := func(more ...GlobalSet) {
		for _, m := range more {
			if !slices.ContainsFunc(sets, func(s GlobalSet) bool { return s.Global == m.Global }) {
				sets = append(sets, m)
			}
		}
	}
	c.inspectLifetime(fd.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			callee := astq.Callee(c.info, n)
			if callee == nil {
				return
			}
			if callee.Pkg() == c.pass.Pkg {
				add(c.setsOf(callee)...)
			} else if f := c.importedSets(callee); f != nil {
				add(f.Sets...)
			}
		case *ast.AssignStmt:
			c.eachAssign(n, func(lhs, rhs ast.Expr, idx int, elem string) {
				g, name := c.target(lhs, rhs, elem)
				if g == nil {
					return
				}
				o := c.staticOrigin(rhs, idx)
				if o == nil && name == g.v.Name() {
					o = c.heldOrigin(g.v)
				}
				if o != nil {
					add(GlobalSet{Global: c.pass.Pkg.Name() + "." + name, Origin: o.String(), Brief: briefOrigin(o), SDK: o.SDK, Type: c.valueClientType(rhs, idx, g.v)})
				}
			})
		}
	})
	c.funcSets[fn] = sets
	return sets
}

// importedSets returns the SetsGlobals fact of another package's function.
func (c *checker) importedSets(fn *types.Func) *SetsGlobals {
	if fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || sdk.IsSDKPackage(fn.Pkg()) {
		return nil
	}
	var f SetsGlobals
	if !c.pass.ImportObjectFact(fn.Origin(), &f) || len(f.Sets) == 0 {
		return nil
	}
	return &f
}

// staticOrigin returns where the credentials of a value come from when
// they cannot refresh.
func (c *checker) staticOrigin(rhs ast.Expr, idx int) *credflow.Origin {
	var cr credflow.Cred
	if idx >= 0 {
		cr = c.flow.OfResult(rhs, idx)
	} else {
		cr = c.flow.Of(rhs)
	}
	if cr.State != credflow.Static || c.flow.Placeholder(cr) {
		return nil
	}
	return cr.Origin
}

// heldOrigin returns where the credentials a global holds come from when
// they cannot refresh, counting the stores into it (cfg.Credentials = p).
func (c *checker) heldOrigin(v *types.Var) *credflow.Origin {
	cr := c.flow.OfVar(v)
	if cr.State != credflow.Static || c.flow.Placeholder(cr) {
		return nil
	}
	return cr.Origin
}

// collectGlobals finds the package-level variables that can hold an AWS
// client, and records their declarations' values as lifetime sets.
func (c *checker) collectGlobals() {
	c.du = c.pass.ResultOf[sdk.Analyzer].(*sdk.Reach).DefUse()
	c.funcs = c.du.Funcs
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.VAR {
					continue
				}
				for _, spec := range d.Specs {
					for _, st := range c.du.Stores(spec) {
						name := st.Lhs.(*ast.Ident)
						v, ok := c.info.Defs[name].(*types.Var)
						if !ok || v == nil || name.Name == "_" {
							continue
						}
						rhs, idx := st.Rhs, st.Idx
						if !c.tracked(v.Type(), rhs) {
							continue
						}
						g := &global{v: v, ident: name}
						c.globals[v] = g
						c.order = append(c.order, g)
						switch {
						case rhs == nil || astq.IsNil(c.info, rhs):
						case idx < 0 && c.isContainerLit(rhs):
							// var clients = map[string]*s3.Client{"eu": ...}
							for _, el := range ast.Unparen(rhs).(*ast.CompositeLit).Elts {
								key, val := "…", el
								if kv, ok := el.(*ast.KeyValueExpr); ok {
									key, val = c.flow.Render(kv.Key), kv.Value
								}
								g.sets = append(g.sets, set{name: name.Name + "[" + key + "]", rhs: val, idx: -1, how: "set at its declaration"})
							}
						default:
							g.sets = append(g.sets, set{name: name.Name, rhs: rhs, idx: idx, how: "set at its declaration"})
						}
					}
				}
			}
		}
	}
}

// ownInterface reports whether t is an interface of the program's own
// (a Queue that *sqs.Client implements): a global of that type holds
// whatever client it is set to.
func (c *checker) ownInterface(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || sdk.IsSDKPackage(n.Obj().Pkg()) {
		return false
	}
	iface, ok := n.Underlying().(*types.Interface)
	return ok && iface.NumMethods() > 0
}

// clientValue reports whether a set of g can put an AWS client in it:
// always, unless g is tracked only for being of an interface type of the
// program's own; then the value must hold a client or come from a
// constructor named in globalclient.constructors.
func (c *checker) clientValue(g *global, s set) bool {
	if !c.ownInterface(g.v.Type()) || sdk.HoldsClient(g.v.Type()) {
		return true
	}
	if sdk.HeldClient(c.valueType(s.rhs, s.idx)) != nil {
		return true
	}
	call, ok := ast.Unparen(s.rhs).(*ast.CallExpr)
	return ok && c.userCtor[sdk.CalleeSymbol(c.info, call)]
}

// isContainerLit reports whether e is a map, slice or array literal.
func (c *checker) isContainerLit(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return false
	}
	switch c.info.TypeOf(lit).Underlying().(type) {
	case *types.Map, *types.Slice, *types.Array:
		return true
	}
	return false
}

// tracked reports whether a global of type t (declared with value rhs) can
// hold an AWS client.
func (c *checker) tracked(t types.Type, rhs ast.Expr) bool {
	if sdk.HoldsClient(t) {
		return true
	}
	if c.ownInterface(t) {
		return true
	}
	if rhs == nil {
		return false
	}
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok {
		return false
	}
	sym := sdk.CalleeSymbol(c.info, call)
	if c.userCtor[sym] {
		return true
	}
	if sym == sdk.SyncOnceValue || sym == sdk.SyncOnceValues {
		if sig, ok := types.Unalias(t).Underlying().(*types.Signature); ok && sig.Results().Len() > 0 {
			return sdk.HoldsClient(sig.Results().At(0).Type())
		}
	}
	return false
}

// walk records the assignments to globals in a body of lifetime code, and
// follows calls of the package's own functions from init and main. Calls
// of other packages' functions that set their own globals (SetsGlobals)
// are kept for reporting at the call.
func (c *checker) walk(body *ast.BlockStmt, how, from string) {
	if body == nil || c.visited[body] {
		return
	}
	c.visited[body] = true
	c.inspectLifetime(body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			if lit, ok := ast.Unparen(n.Fun).(*ast.FuncLit); ok {
				c.walk(lit.Body, how, from)
			}
			fn := astq.Callee(c.info, n)
			if fn == nil {
				return
			}
			if f := c.importedSets(fn); f != nil {
				c.crossCalls = append(c.crossCalls, crossCall{call: n, fn: fn, how: how, sets: f.Sets})
			}
			if from != "" {
				if fd := c.funcs[fn]; fd != nil {
					c.walk(fd.Body, fmt.Sprintf("set in %s, called from %s", fd.Name.Name, from), from)
				}
			}
		case *ast.AssignStmt:
			c.eachAssign(n, func(lhs, rhs ast.Expr, idx int, elem string) {
				if g, name := c.target(lhs, rhs, elem); g != nil {
					g.sets = append(g.sets, set{name: name, rhs: rhs, idx: idx, how: how})
				}
			})
		}
	})
}

// inspectLifetime calls visit on the nodes of body that run when body
// runs: it does not enter function literals (handlers, callbacks), except
// those called on the spot (including go and defer), which the caller
// visits through the call.
func (c *checker) inspectLifetime(body *ast.BlockStmt, visit func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		if n != nil {
			visit(n)
		}
		return true
	})
}

// eachAssign calls f for each plain assignment (=) of as, with appends to
// a slice split into their elements (elem is then "[…]", the name of the
// element lhs gains).
func (c *checker) eachAssign(as *ast.AssignStmt, f func(lhs, rhs ast.Expr, idx int, elem string)) {
	if as.Tok != token.ASSIGN {
		return
	}
	for _, st := range c.du.Stores(as) {
		lhs, rhs, idx := st.Lhs, st.Rhs, st.Idx
		if elems, ok := c.appended(lhs, rhs); ok {
			// clients = append(clients, s3.NewFromConfig(cfg))
			for _, el := range elems {
				f(lhs, el, -1, "[…]")
			}
			continue
		}
		f(lhs, rhs, idx, "")
	}
}

// appended returns the values appended by lhs = append(lhs, v...) when
// they can hold a client.
func (c *checker) appended(lhs, rhs ast.Expr) ([]ast.Expr, bool) {
	call, ok := ast.Unparen(rhs).(*ast.CallExpr)
	if !ok || len(call.Args) < 2 || call.Ellipsis.IsValid() {
		return nil, false
	}
	if !astq.IsAppend(c.info, call) {
		return nil, false
	}
	if types.ExprString(ast.Unparen(call.Args[0])) != types.ExprString(ast.Unparen(lhs)) {
		return nil, false
	}
	var out []ast.Expr
	for _, a := range call.Args[1:] {
		if sdk.HoldsClient(c.info.TypeOf(a)) {
			out = append(out, a)
		}
	}
	return out, len(out) > 0
}

// target returns the tracked global that an assignment of rhs to lhs
// sets (itself, a client-holding field of it, or one of its elements:
// lhs[k] = ..., or an append when elem is "[…]"), and the name of what is
// set ("client", "app.s3", "clients[k]"); nil if none.
func (c *checker) target(lhs, rhs ast.Expr, elem string) (*global, string) {
	name := elem
	if astq.IsNil(c.info, rhs) {
		return nil, ""
	}
	e := ast.Unparen(lhs)
	for {
		switch x := e.(type) {
		case *ast.Ident:
			v, ok := c.info.Uses[x].(*types.Var)
			if !ok {
				return nil, ""
			}
			g := c.globals[v]
			if g == nil || c.du.TestOnly(x.Pos(), g.ident.Pos()) {
				return nil, ""
			}
			return g, x.Name + name
		case *ast.SelectorExpr:
			sel := c.info.Selections[x]
			if sel == nil {
				// pkg.Var: only this package's globals are tracked.
				if v, ok := c.info.Uses[x.Sel].(*types.Var); ok && c.globals[v] != nil && !c.du.TestOnly(x.Pos(), c.globals[v].ident.Pos()) {
					return c.globals[v], x.Sel.Name + name
				}
				return nil, ""
			}
			if sel.Kind() != types.FieldVal {
				return nil, ""
			}
			if name == "" && !sdk.HoldsClient(sel.Type()) {
				return nil, ""
			}
			name = "." + x.Sel.Name + name
			e = ast.Unparen(x.X)
		case *ast.StarExpr:
			e = ast.Unparen(x.X)
		case *ast.IndexExpr:
			if name == "" && !sdk.HoldsClient(c.info.TypeOf(x)) {
				return nil, ""
			}
			name = "[" + c.flow.Render(x.Index) + "]" + name
			e = ast.Unparen(x.X)
		default:
			return nil, ""
		}
	}
}

// defaultChain names the refreshing way to get credentials in each SDK.
func defaultChain(s sdk.SDK) string {
	switch s {
	case sdk.Minio:
		return `credentials.NewIAM("")`
	}
	return "the default chain"
}

// briefOrigin names static credentials in a message: what they are and
// where they were built or taken ("environment keys from
// credentials.NewStaticCredentialsProvider at internal/awsx/awsx.go:18",
// "a snapshot at internal/awsauth/awsauth.go:29"), and the outermost
// helper they went through.
func briefOrigin(o *credflow.Origin) string {
	var s string
	switch o.Prov.Kind {
	case credflow.ProvSnapshot:
		if _, at := finding.SplitAt(o.Prov.Detail); at != "" {
			s = "a snapshot at " + at
		} else {
			s = "a snapshot frozen at " + o.Where
		}
	case credflow.ProvSTS:
		s = "STS credentials frozen at " + o.Where
	default:
		kind := map[credflow.ProvKind]string{
			credflow.ProvEnv:        "env keys",
			credflow.ProvLiteral:    "literal keys",
			credflow.ProvConfig:     "configured keys",
			credflow.ProvSharedFile: "shared-file keys",
		}[o.Prov.Kind]
		s = cmp.Or(kind, "static keys") + " from " + o.Where
	}
	if n := len(o.Via); n > 0 {
		name, _, _ := strings.Cut(o.Via[n-1], " at ")
		s += " via " + name
	}
	return s
}

// mixed says when static credentials hold only on some paths.
func mixed(c credflow.Cred) string {
	if !c.Mixed {
		return ""
	}
	if c.Origin != nil && c.Origin.Branch != "" {
		return " " + finding.Clip(trimWhere(c.Origin.Branch), 50)
	}
	return " on some paths"
}

// trimWhere drops a trailing " (path/file.go:line)" from a branch
// condition: the condition's position is one of the related steps.
func trimWhere(s string) string {
	if i := strings.LastIndex(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		if _, at := finding.SplitAt("x at " + s[i+2:len(s)-1]); at != "" {
			return s[:i]
		}
	}
	return s
}

// setStep is where the global is set, when that is not its declaration's
// line: the first step of the chain.
func setStep(pass *analysis.Pass, ident *ast.Ident, s set) []analysis.RelatedInformation {
	if s.rhs == nil || pass.Fset.Position(s.rhs.Pos()).Line == pass.Fset.Position(ident.Pos()).Line {
		return nil
	}
	return []analysis.RelatedInformation{{Pos: s.rhs.Pos(), End: s.rhs.End(), Message: s.name + " " + s.how}}
}

// originSteps is the provenance chain of static credentials as related
// positions: the helpers they went through and where they were built.
func originSteps(pass *analysis.Pass, o *credflow.Origin) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	if o.Prov.Kind == credflow.ProvSnapshot {
		if expr, at := finding.SplitAt(o.Prov.Detail); at != "" {
			if r, ok := finding.Step(pass.Fset, at, "snapshot taken: "+expr); ok {
				out = append(out, r)
			}
		}
	}
	if r, ok := finding.Step(pass.Fset, o.Where, "credentials built: "+o.Text); ok {
		out = append(out, r)
	}
	if cond := trimWhere(o.Branch); cond != o.Branch {
		at := strings.TrimSuffix(o.Branch[len(cond)+2:], ")")
		if r, ok := finding.Step(pass.Fset, at, "static only "+cond); ok {
			out = append(out, r)
		}
	}
	return append(out, finding.ViaSteps(pass.Fset, o.Via)...)
}

// clientType names the client type (of any service: "*sqs.Client",
// "*s3.Client", "*session.Session") a set of g stores, or that g holds.
func (c *checker) clientType(g *global, s set) string {
	return c.valueClientType(s.rhs, s.idx, g.v)
}

// valueType is the type of rhs (of result idx of a call, or -1), or nil.
func (c *checker) valueType(rhs ast.Expr, idx int) types.Type {
	if rhs == nil {
		return nil
	}
	t := c.info.TypeOf(rhs)
	if tuple, ok := t.(*types.Tuple); ok {
		t = nil
		if idx >= 0 && idx < tuple.Len() {
			t = tuple.At(idx).Type()
		}
	}
	return t
}

// valueClientType names the client type that the value rhs (result idx of
// a call, or -1) is or holds, else the one the variable v holds.
func (c *checker) valueClientType(rhs ast.Expr, idx int, v *types.Var) string {
	t := c.valueType(rhs, idx)
	held := sdk.HeldClient(t)
	if held == nil && v != nil {
		held = sdk.HeldClient(v.Type())
		if sig, ok := types.Unalias(v.Type()).Underlying().(*types.Signature); ok && held == nil && sig.Results().Len() > 0 {
			held = sdk.HeldClient(sig.Results().At(0).Type()) // sync.OnceValue(s)
		}
	}
	if held == nil {
		return "an AWS client"
	}
	name := types.TypeString(held, func(p *types.Package) string { return p.Name() })
	if t != nil && types.Identical(held, t) {
		return name
	}
	return "holds a " + name
}

// setType names the client type of another package's global for a message.
func setType(s GlobalSet) string {
	if s.Type == "" {
		return "AWS client"
	}
	return strings.TrimPrefix(s.Type, "holds a ")
}

// reportedGlobal is a global reported for static credentials: its set,
// the origin of its credentials and its finding's index.
type reportedGlobal struct {
	g      *global
	s      set
	origin string
	index  int
}

// groupBuiltFrom keeps one finding per credentials decision: a global
// built from another reported global of this package on the same
// credentials (a client from a package-level session or config, an
// uploader from a client) is a related position of the finding of the
// global it is built from, followed to the first of the chain (the one
// where the credentials enter), not a finding of its own
// (docs/rules/globalclient.md, "One finding per decision").
func (c *checker) groupBuiltFrom(out finding.List, static []reportedGlobal) finding.List {
	byVar := map[*types.Var]int{}
	for i, r := range static {
		byVar[r.g.v] = i
	}
	parent := make([]int, len(static))
	for i, r := range static {
		parent[i] = -1
		ast.Inspect(r.s.rhs, func(n ast.Node) bool {
			if _, ok := n.(*ast.FuncLit); ok || parent[i] >= 0 {
				return false
			}
			if id, ok := n.(*ast.Ident); ok {
				if v, ok := c.info.Uses[id].(*types.Var); ok && v != r.g.v {
					if j, ok := byVar[v]; ok && static[j].origin == r.origin {
						parent[i] = j
					}
				}
			}
			return true
		})
	}
	root := func(i int) int {
		for n := 0; parent[i] >= 0 && n < len(static); n++ {
			i = parent[i]
		}
		return i
	}
	drop := map[int]bool{}
	for i, r := range static {
		if parent[i] < 0 {
			continue
		}
		j := root(i)
		if j == i {
			continue // a cycle: keep it
		}
		f := &out[static[j].index]
		f.Related = append(f.Related, analysis.RelatedInformation{
			Pos: r.g.ident.Pos(), End: r.g.ident.End(),
			Message: fmt.Sprintf("%s (%s) is built from it: the same credentials", r.s.name, c.clientType(r.g, r.s)),
		})
		drop[r.index] = true
	}
	if len(drop) == 0 {
		return out
	}
	kept := out[:0]
	for i, f := range out {
		if !drop[i] {
			kept = append(kept, f)
		}
	}
	return kept
}
