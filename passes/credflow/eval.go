package credflow

import (
	"go/ast"
	"go/types"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// maxDepth bounds the evaluation's recursion (helpers calling helpers).
const maxDepth = 24

var unknown = Cred{State: Unknown}

// eval returns the credentials of e, or of its result idx (>= 0) when e
// is a multi-value call. Callers hold f.mu.
func (f *Flow) eval(e ast.Expr, idx int) Cred {
	e = ast.Unparen(e)
	if e == nil {
		return unknown
	}
	k := memoKey{e, idx, f.ctx()}
	if c, ok := f.memo[k]; ok {
		return c
	}
	if f.inProg[k] || len(f.inProg) > maxDepth {
		return unknown
	}
	f.inProg[k] = true
	c := f.evalExpr(e, idx)
	delete(f.inProg, k)
	f.memo[k] = c
	return c
}

func (f *Flow) evalExpr(e ast.Expr, idx int) Cred {
	info := f.info
	switch e := e.(type) {
	case *ast.Ident:
		if astq.IsNil(info, e) {
			return Cred{State: Unset}
		}
		return f.evalObj(info.Uses[e], idx)
	case *ast.SelectorExpr:
		sel := info.Selections[e]
		if sel == nil {
			return f.evalObj(info.Uses[e.Sel], idx)
		}
		if sel.Kind() != types.FieldVal {
			return unknown
		}
		fs := sdk.FieldSymbol(info, e)
		if role, ok := sdk.CredField(fs); ok {
			// cfg.Credentials, sess.Config: the holder's credentials.
			c := f.eval(e.X, -1)
			if role == sdk.FieldProvider {
				c.Endpoint = ""
			}
			return c
		}
		if fv, ok := sel.Obj().(*types.Var); ok && fv.Pkg() == f.pass.Pkg {
			return f.evalDefs(f.idx.fieldStores[fv])
		}
		return unknown
	case *ast.StarExpr:
		return f.eval(e.X, idx)
	case *ast.UnaryExpr:
		return f.eval(e.X, idx)
	case *ast.TypeAssertExpr:
		return f.eval(e.X, -1)
	case *ast.CompositeLit:
		return f.evalLit(e)
	case *ast.CallExpr:
		return f.evalCall(e, idx)
	}
	return unknown
}

// evalObj returns the credentials held by a variable.
func (f *Flow) evalObj(obj types.Object, idx int) Cred {
	v, ok := obj.(*types.Var)
	if !ok || v == nil || v.IsField() {
		return unknown
	}
	if c, ok := sdk.CredVarOf(sdk.SymbolOf(v)); ok {
		return fromKind(c.Kind)
	}
	if v.Pkg() != f.pass.Pkg {
		var fact Creds
		if v.Pkg() != nil && f.pass.ImportObjectFact(v, &fact) {
			return fact.cred()
		}
		return unknown
	}
	if f.idx.params[v] {
		if arg, ok := f.boundArg(v); ok {
			return f.inCaller(func() Cred { return f.eval(arg, -1) })
		}
		return unknown
	}
	k := memoKey{v, -1, f.ctx()}
	if c, ok := f.memo[k]; ok {
		return c
	}
	if f.inProg[k] {
		return unknown
	}
	f.inProg[k] = true
	c := f.evalDefs(f.idx.defs[v])
	for _, st := range f.idx.holderStores[v] {
		if st.endpoint {
			if s, ok := f.endpointArg(st.rhs); ok {
				c.Endpoint = s
			}
			continue
		}
		sc := f.eval(st.rhs, -1)
		if st.merge && sc.State == Unset {
			continue // a merged config without credentials leaves them
		}
		ep := c.Endpoint
		base := c
		c = join(c, sc)
		c.Endpoint = ep
		// A store replaces the held credentials: the value is mixed only
		// when the store is conditional (cfg.Credentials = p under an if).
		c.Mixed = base.Mixed || sc.Mixed || base.State == Refreshing && sc.State == Static && sc.Origin != nil && sc.Origin.Branch != ""
	}
	delete(f.inProg, k)
	f.memo[k] = c
	return c
}

// evalDefs joins the credentials of alternative definitions.
func (f *Flow) evalDefs(defs []def) Cred {
	if len(defs) == 0 {
		return unknown
	}
	var c Cred
	for i, d := range defs {
		dc := f.eval(d.rhs, d.idx)
		if i == 0 {
			c = dc
		} else {
			c = join(c, dc)
		}
	}
	return c
}

func fromKind(k sdk.CredKind) Cred {
	switch k {
	case sdk.CredRefreshing:
		return Cred{State: Refreshing}
	case sdk.CredAnonymous:
		return Cred{State: Anonymous}
	}
	return unknown
}

func (c *Creds) cred() Cred {
	switch c.State {
	case Static:
		if c.Origin == nil {
			return unknown
		}
		return staticCred(c.Origin)
	case Refreshing, Anonymous:
		return Cred{State: c.State}
	}
	return unknown
}

// evalLit returns the credentials of a composite literal.
func (f *Flow) evalLit(lit *ast.CompositeLit) Cred {
	t := f.info.TypeOf(lit)
	if t == nil {
		return unknown
	}
	if ct, ok := sdk.CredTypeOf(t); ok {
		switch ct.Kind {
		case sdk.CredStatic, sdk.CredEnv, sdk.CredSharedFile:
			if o := f.construction(lit); o != nil {
				return staticCred(o)
			}
			return Cred{State: Anonymous}
		case sdk.CredChain:
			for _, el := range lit.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					return f.evalChain(kv.Value)
				}
			}
			return unknown
		}
		return fromKind(ct.Kind)
	}
	st, named := structOf(t)
	if st == nil {
		return unknown
	}
	if named != nil && sdk.IsSDKPackage(named.Obj().Pkg()) {
		// An SDK options or config struct: its credential and endpoint fields.
		c := Cred{State: Unset}
		for _, el := range lit.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			fs := sdk.KeyedFieldSymbol(t, kv.Key)
			if _, ok := sdk.CredField(fs); ok {
				fc := f.eval(kv.Value, -1)
				if fc.Endpoint == "" {
					fc.Endpoint = c.Endpoint
				}
				c = fc
			} else if sdk.EndpointField(fs) {
				if s, ok := f.endpointArg(kv.Value); ok {
					c.Endpoint = s
				}
			}
		}
		return c
	}
	// A struct of the user's own: whatever its fields hold.
	c := unknown
	for i, el := range lit.Elts {
		val := el
		var ft types.Type
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			if fv := fieldByName(st, id.Name); fv != nil {
				ft = fv.Type()
			}
			val = kv.Value
		} else if i < st.NumFields() {
			ft = st.Field(i).Type()
		}
		if ft == nil || !sdk.MayHoldCredentials(ft) {
			continue
		}
		c = join(c, f.eval(val, -1))
	}
	return c
}

// evalCall returns the credentials of a call's result idx (-1: the only one).
func (f *Flow) evalCall(call *ast.CallExpr, idx int) Cred {
	info := f.info
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if sdk.TypeSymbol(tv.Type) == sdk.CredentialsProviderFunc {
			if o := f.construction(call); o != nil {
				return staticCred(o)
			}
			return unknown
		}
		if len(call.Args) == 1 {
			return f.eval(call.Args[0], -1)
		}
		return unknown
	}
	if idx < 0 {
		idx = 0
	}
	fn := astq.Callee(info, call)
	if fn == nil {
		return f.evalDynamicCall(call, idx)
	}
	sym := sdk.SymbolOf(fn)
	if f.userCtors[sym] {
		if o := f.construction(call); o != nil {
			return staticCred(o)
		}
		return unknown
	}
	if (sym == sdk.SyncOnceValue || sym == sdk.SyncOnceValues) && len(call.Args) == 1 {
		// sync.OnceValue(f) holds what f returns.
		switch fun := ast.Unparen(call.Args[0]).(type) {
		case *ast.FuncLit:
			return f.evalReturns(fun, idx)
		case *ast.Ident, *ast.SelectorExpr:
			if fn, ok := info.Uses[astq.IdentOf(fun)].(*types.Func); ok && f.idx.funcs[fn] != nil {
				return f.evalReturns(f.idx.funcs[fn], idx)
			}
		}
		return unknown
	}
	if _, ok := sdk.RequestBuilder(fn); ok && idx == 0 {
		// A v1 request from svc.XxxRequest(in) is signed with svc's
		// credentials (Send, Presign).
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return f.eval(sel.X, -1)
		}
	}
	if cc, ok := sdk.CredConstructorOf(sym); ok {
		if idx != 0 {
			return unknown
		}
		switch cc.Kind {
		case sdk.CredStatic, sdk.CredEnv, sdk.CredSharedFile:
			if o := f.construction(call); o != nil {
				return staticCred(o)
			}
			return Cred{State: Anonymous}
		case sdk.CredCache:
			if cc.Wraps >= 0 && cc.Wraps < len(call.Args) {
				return f.eval(call.Args[cc.Wraps], -1)
			}
			return unknown
		case sdk.CredChain:
			if cc.Wraps >= 0 && cc.Wraps < len(call.Args) {
				return f.evalChain(call.Args[cc.Wraps])
			}
			return unknown
		}
		return fromKind(cc.Kind)
	}
	if c, ok := sdk.ConstructorOf(sym); ok {
		if idx != 0 {
			return unknown
		}
		return f.evalConstructor(call, c)
	}
	if sym.Recv != "" {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if i, ok := sdk.CredSetter(sym); ok && i < len(call.Args) {
				// aws.NewConfig().WithCredentials(p)
				c := f.eval(call.Args[i], -1)
				c.Endpoint = f.eval(sel.X, -1).Endpoint
				return c
			}
			if i, ok := sdk.EndpointSetter(sym); ok && i < len(call.Args) {
				c := f.eval(sel.X, -1)
				if s, ok := f.endpointArg(call.Args[i]); ok {
					c.Endpoint = s
				}
				return c
			}
			// cfg.Copy(), sess.Copy(), v1 cfg.WithRegion(r): same credentials.
			if rt, ok := sdk.ClientTypeOf(recvType(fn)); ok && idx == 0 {
				if res := resultType(fn, 0); res != nil {
					if ct, ok := sdk.ClientTypeOf(res); ok && ct == rt {
						c := f.eval(sel.X, -1)
						if sdk.ConfigMerge(sym) {
							// sess.Copy(&aws.Config{Credentials: p}): a config
							// argument's credentials replace the copy's.
							for _, a := range call.Args {
								if ac := f.eval(a, -1); ac.State != Unset {
									ep := c.Endpoint
									c = ac
									if c.Endpoint == "" {
										c.Endpoint = ep
									}
								}
							}
						}
						return c
					}
				}
			}
		}
	}
	if fd := f.idx.funcs[fn]; fd != nil {
		return f.viaHelper(f.withFrame(call, fd, func() Cred { return f.evalReturns(fd, idx) }), fn, call)
	}
	if fn.Pkg() != nil && fn.Pkg() != f.pass.Pkg && !sdk.IsSDKPackage(fn.Pkg()) {
		var fact Creds
		if f.pass.ImportObjectFact(fn, &fact) && fact.Index == idx {
			return f.viaHelper(fact.cred(), fn, call)
		}
	}
	return unknown
}

// viaHelper records that static credentials travelled through a call.
func (f *Flow) viaHelper(c Cred, fn *types.Func, call *ast.CallExpr) Cred {
	if c.State != Static {
		return c
	}
	name := fn.Name()
	if fn.Pkg() != nil && fn.Pkg() != f.pass.Pkg {
		name = fn.Pkg().Name() + "." + name
	}
	v := name + " at " + f.where(call.Pos())
	out := Cred{State: Static, Endpoint: c.Endpoint}
	for _, o := range c.origins {
		out.origins = append(out.origins, o.withVia(v))
	}
	out.Origin = out.origins[0]
	return out
}

// evalDynamicCall handles calls of function values: sync.OnceValue(s)
// results held in variables and local closures.
func (f *Flow) evalDynamicCall(call *ast.CallExpr, idx int) Cred {
	var v *types.Var
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		v = varOf(f.info, fun)
	case *ast.SelectorExpr:
		if f.info.Selections[fun] == nil {
			v, _ = f.info.Uses[fun.Sel].(*types.Var)
		}
	case *ast.FuncLit:
		return f.evalReturns(fun, idx)
	}
	if v == nil || v.Pkg() != f.pass.Pkg {
		return unknown
	}
	c := unknown
	first := true
	for _, d := range f.idx.defs[v] {
		var r Cred
		switch rhs := ast.Unparen(d.rhs).(type) {
		case *ast.FuncLit:
			r = f.evalReturns(rhs, idx)
		case *ast.CallExpr:
			sym := sdk.CalleeSymbol(f.info, rhs)
			if (sym == sdk.SyncOnceValue || sym == sdk.SyncOnceValues) && len(rhs.Args) == 1 {
				if lit, ok := ast.Unparen(rhs.Args[0]).(*ast.FuncLit); ok {
					r = f.evalReturns(lit, idx)
				} else if fn, ok := f.info.Uses[astq.IdentOf(rhs.Args[0])].(*types.Func); ok && f.idx.funcs[fn] != nil {
					r = f.evalReturns(f.idx.funcs[fn], idx)
				}
			} else {
				continue
			}
		default:
			continue
		}
		if first {
			c, first = r, false
		} else {
			c = join(c, r)
		}
	}
	return c
}

// evalReturns joins the credentials of result idx over the return
// statements of a function declaration or literal.
func (f *Flow) evalReturns(fn ast.Node, idx int) Cred {
	ft := f.idx.funcTypes[fn]
	if ft == nil || ft.Results == nil {
		return unknown
	}
	n := ft.Results.NumFields()
	if idx < 0 {
		idx = 0
	}
	if idx >= n {
		return unknown
	}
	var named *types.Var
	{
		i := 0
		for _, fl := range ft.Results.List {
			if len(fl.Names) == 0 {
				i++
				continue
			}
			for _, nm := range fl.Names {
				if i == idx {
					named, _ = f.info.Defs[nm].(*types.Var)
				}
				i++
			}
		}
	}
	c := unknown
	first := true
	add := func(r Cred) {
		if first {
			c, first = r, false
		} else {
			c = join(c, r)
		}
	}
	for _, ret := range f.idx.returns[fn] {
		switch {
		case len(ret.Results) == 0:
			if named != nil {
				add(f.evalObj(named, -1))
			}
		case len(ret.Results) == 1 && n > 1:
			add(f.eval(ret.Results[0], idx))
		case idx < len(ret.Results):
			add(f.eval(ret.Results[idx], -1))
		}
	}
	return c
}

// evalConstructor returns the credentials of a client, session or config
// built by an SDK constructor.
func (f *Flow) evalConstructor(call *ast.CallExpr, c sdk.Constructor) Cred {
	info := f.info
	var base Cred
	optStart := 1
	switch {
	case c.CredArg >= 0 && c.CredArg < len(call.Args):
		base = f.eval(call.Args[c.CredArg], -1)
		optStart = c.CredArg + 1
		if c.Kind == sdk.Session && c.CredArg == 0 && c.Default {
			// NewSessionWithOptions(session.Options{Config: ...})
			optStart = len(call.Args)
		}
	case c.CredArg < 0 && c.Kind == sdk.Session:
		// session.NewSession(cfgs ...*aws.Config): the last config that sets credentials wins.
		base = Cred{State: Unset}
		for _, a := range f.argList(call.Args, call.Ellipsis.IsValid()) {
			base = override(base, f.eval(a, -1))
		}
		optStart = len(call.Args)
	case c.Kind == sdk.Config && c.Default:
		// config.LoadDefaultConfig(ctx, optFns...)
		base = Cred{State: Unset}
		optStart = 1
	default:
		base = Cred{State: Unset}
		optStart = len(call.Args)
	}
	if ep, ok := sdk.EndpointSetter(sdk.CalleeSymbol(info, call)); ok && ep < len(call.Args) {
		if s, ok := f.endpointArg(call.Args[ep]); ok {
			base.Endpoint = s
		}
	}
	// Trailing functional options and, for v1 s3.New(sess, cfgs...), configs.
	if optStart < len(call.Args) {
		args := f.argList(call.Args[optStart:], call.Ellipsis.IsValid())
		for _, a := range args {
			t := info.TypeOf(a)
			if _, ok := sdk.ClientTypeOf(t); ok {
				base = override(base, f.eval(a, -1))
				continue
			}
			oc, set, ep := f.evalOption(a, 0)
			if set {
				oc.Endpoint = base.Endpoint
				base = oc
			}
			if ep != "" {
				base.Endpoint = ep
			}
		}
	}
	if base.State == Unset && c.Default {
		base.State = Refreshing
	}
	return base
}

// override applies a later config to an earlier one: credentials it sets
// replace the earlier ones, and so does an endpoint.
func override(base, later Cred) Cred {
	ep := base.Endpoint
	if later.Endpoint != "" {
		ep = later.Endpoint
	}
	if later.State != Unset {
		base = later
	}
	base.Endpoint = ep
	return base
}

// argList expands a trailing variadic argument passed with "..." into the
// elements of the slice it names.
func (f *Flow) argList(args []ast.Expr, ellipsis bool) []ast.Expr {
	if !ellipsis || len(args) == 0 {
		return args
	}
	out := append([]ast.Expr(nil), args[:len(args)-1]...)
	return append(out, f.elements(args[len(args)-1], map[*types.Var]bool{})...)
}

// elements returns the expressions that can be elements of a slice value:
// those of composite literals and append calls it is built from.
func (f *Flow) elements(e ast.Expr, seen map[*types.Var]bool) []ast.Expr {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		var out []ast.Expr
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, el)
		}
		return out
	case *ast.Ident:
		v := varOf(f.info, x)
		if v == nil || seen[v] || v.Pkg() != f.pass.Pkg {
			return nil
		}
		seen[v] = true
		if f.idx.params[v] {
			return f.boundElements(v)
		}
		var out []ast.Expr
		for _, d := range f.idx.defs[v] {
			if d.idx < 0 {
				out = append(out, f.elements(d.rhs, seen)...)
			}
		}
		return out
	case *ast.CallExpr:
		if astq.IsAppend(f.info, x) && len(x.Args) > 0 {
			out := f.elements(x.Args[0], seen)
			rest := x.Args[1:]
			if x.Ellipsis.IsValid() && len(rest) > 0 {
				out = append(out, rest[:len(rest)-1]...)
				return append(out, f.elements(rest[len(rest)-1], seen)...)
			}
			return append(out, rest...)
		}
	}
	return nil
}

// evalOption evaluates a functional option (config.WithCredentialsProvider(p),
// func(o *s3.Options) { o.Credentials = p; o.BaseEndpoint = ... }, a
// variable or helper that yields one). set reports whether it sets
// credentials; ep is the constant endpoint it sets, if any.
func (f *Flow) evalOption(e ast.Expr, depth int) (c Cred, set bool, ep string) {
	if depth > 4 {
		return unknown, false, ""
	}
	info := f.info
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		sym := sdk.CalleeSymbol(info, x)
		if i, ok := sdk.CredSetter(sym); ok && sym.Recv == "" && i < len(x.Args) {
			return f.eval(x.Args[i], -1), true, ""
		}
		if i, ok := sdk.EndpointSetter(sym); ok && sym.Recv == "" && i < len(x.Args) {
			s, _ := f.endpointArg(x.Args[i])
			return unknown, false, s
		}
		if fn := astq.Callee(info, x); fn != nil {
			if fd := f.idx.funcs[fn]; fd != nil {
				// a helper returning an option func, with its parameters
				// bound to the arguments (withCredentials(p) returning
				// func(o *sqs.Options) { o.Credentials = p })
				c, set := unknown, false
				f.withFrame(x, fd, func() Cred {
					for _, ret := range f.idx.returns[fd] {
						if len(ret.Results) == 0 {
							continue
						}
						rc, rs, rep := f.evalOption(ret.Results[0], depth+1)
						if rs {
							if set {
								c = join(c, rc)
							} else {
								c, set = rc, true
							}
						}
						if rep != "" {
							ep = rep
						}
					}
					return c
				})
				return c, set, ep
			}
		}
	case *ast.FuncLit:
		return f.scanOptionBody(x.Body)
	case *ast.Ident:
		switch obj := info.Uses[x].(type) {
		case *types.Func:
			if fd := f.idx.funcs[obj]; fd != nil {
				return f.scanOptionBody(fd.Body)
			}
		case *types.Var:
			if f.idx.params[obj] {
				if arg, ok := f.boundArg(obj); ok {
					var c Cred
					var set bool
					var ep string
					f.inCaller(func() Cred { c, set, ep = f.evalOption(arg, depth+1); return c })
					return c, set, ep
				}
				return unknown, false, ""
			}
			if obj.Pkg() != f.pass.Pkg {
				return unknown, false, ""
			}
			for _, d := range f.idx.defs[obj] {
				if d.idx >= 0 {
					continue
				}
				rc, rs, rep := f.evalOption(d.rhs, depth+1)
				if rs {
					if set {
						c = join(c, rc)
					} else {
						c, set = rc, true
					}
				}
				if rep != "" {
					ep = rep
				}
			}
			return c, set, ep
		}
	}
	return unknown, false, ""
}

// scanOptionBody finds the credential and endpoint stores of an option
// function's body.
func (f *Flow) scanOptionBody(body *ast.BlockStmt) (c Cred, set bool, ep string) {
	if body == nil {
		return unknown, false, ""
	}
	ast.Inspect(body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			fs := sdk.FieldSymbol(f.info, sel)
			if _, ok := sdk.CredField(fs); ok {
				rc := f.eval(as.Rhs[i], -1)
				if set {
					c = join(c, rc)
				} else {
					c, set = rc, true
				}
			} else if sdk.EndpointField(fs) {
				if s, ok := f.endpointArg(as.Rhs[i]); ok {
					ep = s
				}
			}
		}
		return true
	})
	return c, set, ep
}

// evalChain evaluates a credential chain given its provider list: static
// when it holds a static provider (the first provider with keys wins);
// refreshing when it holds a refreshing one (an environment or shared-file
// provider ahead of it mirrors the SDK's default chain); static when it
// holds only environment or shared-file providers.
func (f *Flow) evalChain(list ast.Expr) Cred {
	var static, env Cred
	refreshing := false
	for _, el := range f.elements(list, map[*types.Var]bool{}) {
		c := f.evalProvider(el)
		switch c.State {
		case Static:
			allEnv := true
			for _, o := range c.origins {
				if o.Prov.Kind != ProvEnv && o.Prov.Kind != ProvSharedFile {
					allEnv = false
				}
			}
			if allEnv {
				env = join(env, c)
			} else {
				static = join(static, c)
			}
		case Refreshing:
			refreshing = true
		}
	}
	switch {
	case static.State == Static:
		return static
	case refreshing:
		return Cred{State: Refreshing}
	case env.State == Static:
		return env
	}
	return unknown
}

// evalProvider evaluates a chain element, looking through a wrapper call
// of the user's own (wrap(&credentials.IAM{})).
func (f *Flow) evalProvider(e ast.Expr) Cred {
	c := f.eval(e, -1)
	if c.State != Unknown {
		return c
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		for _, a := range call.Args {
			if _, ok := sdk.CredProviderType(f.info.TypeOf(a)); ok {
				if ac := f.eval(a, -1); ac.State != Unknown {
					return ac
				}
			}
		}
	}
	return c
}

func recvType(fn *types.Func) types.Type {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return nil
	}
	return sig.Recv().Type()
}

func resultType(fn *types.Func, i int) types.Type {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() <= i {
		return nil
	}
	return sig.Results().At(i).Type()
}

// ctx is the call whose arguments the parameters are bound to, or nil.
func (f *Flow) ctx() *ast.CallExpr {
	if len(f.stack) == 0 {
		return nil
	}
	return f.stack[len(f.stack)-1].call
}

// withFrame evaluates fn with the parameters of fd bound to the arguments
// of call (unless fd is already being evaluated or frames are too deep).
func (f *Flow) withFrame(call *ast.CallExpr, fd *ast.FuncDecl, fn func() Cred) Cred {
	if len(f.stack) >= maxFrames {
		return fn()
	}
	for _, fr := range f.stack {
		if fr.fd == fd {
			return fn()
		}
	}
	f.stack = append(f.stack, frame{call, fd})
	defer func() { f.stack = f.stack[:len(f.stack)-1] }()
	return fn()
}

// inCaller evaluates fn in the context of the innermost frame's caller.
func (f *Flow) inCaller(fn func() Cred) Cred {
	top := f.stack[len(f.stack)-1]
	f.stack = f.stack[:len(f.stack)-1]
	defer func() { f.stack = append(f.stack, top) }()
	return fn()
}

// paramIndex returns the index of parameter v in fd's signature, and
// whether it is the variadic one.
func (f *Flow) paramIndex(fd *ast.FuncDecl, v *types.Var) (int, bool, bool) {
	fn, ok := f.info.Defs[fd.Name].(*types.Func)
	if !ok || fn == nil {
		return 0, false, false
	}
	sig := fn.Type().(*types.Signature)
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return i, sig.Variadic() && i == sig.Params().Len()-1, true
		}
	}
	return 0, false, false
}

// boundArg returns the argument the innermost frame binds parameter v to.
func (f *Flow) boundArg(v *types.Var) (ast.Expr, bool) {
	if len(f.stack) == 0 {
		return nil, false
	}
	top := f.stack[len(f.stack)-1]
	i, variadic, ok := f.paramIndex(top.fd, v)
	if !ok || variadic || i >= len(top.call.Args) {
		return nil, false
	}
	return top.call.Args[i], true
}

// boundElements returns the arguments the innermost frame passes to the
// variadic parameter v (or to a slice parameter).
func (f *Flow) boundElements(v *types.Var) []ast.Expr {
	if len(f.stack) == 0 {
		return nil
	}
	top := f.stack[len(f.stack)-1]
	i, variadic, ok := f.paramIndex(top.fd, v)
	if !ok || i >= len(top.call.Args) {
		return nil
	}
	var out []ast.Expr
	f.inCaller(func() Cred {
		if variadic {
			out = f.argList(top.call.Args[i:], top.call.Ellipsis.IsValid())
		} else {
			out = f.elements(top.call.Args[i], map[*types.Var]bool{})
		}
		return Cred{}
	})
	return out
}
