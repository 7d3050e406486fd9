package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// prov is the provenance of one string value.
type prov struct {
	kind   ProvKind
	detail string
	awsKey bool // a literal shaped like an AWS access key ID or secret access key
	mixed  bool // values of another kind reach it too (a literal default of a configured key)
}

var unknownProv = prov{kind: ProvUnknown}

// placeholder reports whether p is a literal that cannot be an AWS key
// (see Provenance.Placeholder).
func (p prov) placeholder() bool { return p.kind == ProvLiteral && !p.awsKey }

// placeholderBeside reports whether p is a placeholder and other a value
// of another kind, not empty.
func (p prov) placeholderBeside(other prov) bool {
	return p.placeholder() && other.kind != ProvLiteral && other.kind != ProvEmpty
}

// better returns the more telling of two provenances. A placeholder
// literal tells the least of all but the empty string: beside a value of
// another kind ("YOUR-ACCESS-KEY-HERE" as the default of a configured key,
// a placeholder secret beside a configured access key), that value is
// where the keys come from.
func better(a, b prov) prov {
	r := a
	switch {
	case a.placeholderBeside(b):
		r = b
	case b.placeholderBeside(a):
	case b.kind > a.kind:
		r = b
	}
	r.awsKey = a.awsKey || b.awsKey
	r.mixed = a.mixed || b.mixed || a.kind != ProvEmpty && b.kind != ProvEmpty && a.kind != b.kind
	return r
}

// constructionKind reports whether n constructs credentials that cannot
// refresh: their kind, the constructor's display name, and its SDK.
func (f *Flow) constructionKind(n ast.Node) (sdk.CredKind, sdk.Symbol, bool) {
	info := f.info
	switch n := n.(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
			if sdk.TypeSymbol(tv.Type) == sdk.CredentialsProviderFunc {
				if _, ok := f.providerFuncValue(n); ok {
					return sdk.CredStatic, sdk.CredentialsProviderFunc, true
				}
			}
			return 0, sdk.Symbol{}, false
		}
		fn := astq.Callee(info, n)
		if fn == nil {
			return 0, sdk.Symbol{}, false
		}
		sym := sdk.SymbolOf(fn)
		if f.userCtors[sym] {
			return sdk.CredStatic, sym, true
		}
		if cc, ok := sdk.CredConstructorOf(sym); ok {
			switch cc.Kind {
			case sdk.CredStatic, sdk.CredEnv, sdk.CredSharedFile:
				return cc.Kind, sym, true
			}
		}
	case *ast.CompositeLit:
		t := info.TypeOf(n)
		if ct, ok := sdk.CredTypeOf(t); ok {
			switch ct.Kind {
			case sdk.CredStatic, sdk.CredEnv, sdk.CredSharedFile:
				return ct.Kind, sdk.TypeSymbol(t), true
			}
		}
	}
	return 0, sdk.Symbol{}, false
}

// construction returns the Origin of a construction node (memoised), or
// nil when n is not one or its keys are constant empty strings.
func (f *Flow) construction(n ast.Node) *Origin {
	if o, ok := f.origins[n]; ok {
		return o
	}
	f.origins[n] = nil // cycle guard
	o := f.buildOrigin(n)
	f.origins[n] = o
	return o
}

func (f *Flow) buildOrigin(n ast.Node) *Origin {
	kind, sym, ok := f.constructionKind(n)
	if !ok {
		return nil
	}
	info := f.info
	var p Provenance
	switch kind {
	case sdk.CredEnv:
		p = Provenance{Kind: ProvEnv, Detail: sdk.EnvProviderVars(sym), Token: MaybeToken}
	case sdk.CredSharedFile:
		p = Provenance{Kind: ProvSharedFile, Token: MaybeToken}
	default:
		keys := [3]prov{{kind: ProvEmpty}, {kind: ProvEmpty}, {kind: ProvEmpty}}
		switch n := n.(type) {
		case *ast.CallExpr:
			if sym == sdk.CredentialsProviderFunc {
				v, _ := f.providerFuncValue(n)
				keys = f.valueProv(v, 0)
				break
			}
			if f.userCtors[sym] {
				// The user's own constructor: its first string arguments
				// are taken as the keys when there are at least two
				// (an access key and a secret); otherwise the keys'
				// source is unknown (Vault.Keys(path)).
				var strs []ast.Expr
				for _, a := range n.Args {
					if t := info.TypeOf(a); t != nil {
						if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
							strs = append(strs, a)
						}
					}
				}
				if len(strs) < 2 {
					keys[0], keys[1] = unknownProv, unknownProv
					break
				}
				for i := 0; i < len(strs) && i < 3; i++ {
					keys[i] = f.keyProv(strs[i], 0)
				}
				break
			}
			cc, _ := sdk.CredConstructorOf(sym)
			if cc.FromCreds >= 0 && cc.FromCreds < len(n.Args) {
				keys = f.valueProv(n.Args[cc.FromCreds], 0)
				break
			}
			for i, a := range cc.KeyArgs {
				if a >= 0 && a < len(n.Args) {
					keys[i] = f.keyProv(n.Args[a], 0)
				}
			}
		case *ast.CompositeLit:
			for _, el := range n.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if sdk.CredValueField(sdk.KeyedFieldSymbol(info.TypeOf(n), kv.Key)) {
						keys = f.valueProv(kv.Value, 0)
					}
				}
			}
		}
		if keys[0].kind == ProvEmpty && keys[1].kind == ProvEmpty {
			return nil // constant empty keys: anonymous
		}
		p = combine(keys)
	}
	ctor := sym.String()
	posn := f.pass.Fset.Position(n.Pos())
	return &Origin{
		node:   n,
		file:   posn.Filename,
		off:    posn.Offset,
		Where:  f.where(n.Pos()),
		Text:   srctext.Construction(info, n),
		Ctor:   ctor,
		SDK:    sdk.SDKOf(sym.Path),
		Prov:   p,
		Branch: f.branchOf(n),
	}
}

// combine turns the provenance of the access key, secret key and session
// token into the provenance of a construction.
func combine(keys [3]prov) Provenance {
	main := better(keys[0], keys[1])
	p := Provenance{Kind: main.kind, AWSKey: keys[0].awsKey || keys[1].awsKey}
	p.Placeholder = keys[0].placeholder() && !keys[0].mixed && !p.AWSKey
	switch keys[2].kind {
	case ProvEmpty:
		p.Token = NoToken
	case ProvLiteral, ProvEnv, ProvSnapshot, ProvSTS:
		p.Token = HasToken
	default:
		p.Token = MaybeToken
	}
	var details []string
	add := func(d string) {
		if d == "" {
			return
		}
		for _, x := range details {
			if x == d {
				return
			}
		}
		details = append(details, d)
	}
	switch main.kind {
	case ProvSnapshot, ProvLiteral, ProvSTS:
		add(main.detail)
	case ProvEnv, ProvConfig:
		for _, k := range keys {
			if k.kind == main.kind {
				add(k.detail)
			}
		}
	}
	p.Detail = strings.Join(details, ", ")
	return p
}

// providerFuncValue returns the fixed credential value an
// aws.CredentialsProviderFunc(func...) conversion returns: a captured
// variable or a literal built from values outside the function. It
// returns false for functions that compute their value (a refresh adapter).
func (f *Flow) providerFuncValue(call *ast.CallExpr) (ast.Expr, bool) {
	if len(call.Args) != 1 {
		return nil, false
	}
	lit, ok := ast.Unparen(call.Args[0]).(*ast.FuncLit)
	if !ok {
		return nil, false
	}
	rets := f.idx.returns[lit]
	if len(rets) == 0 {
		return nil, false
	}
	var first ast.Expr
	for _, ret := range rets {
		if len(ret.Results) == 0 {
			return nil, false
		}
		r := ast.Unparen(ret.Results[0])
		switch r := r.(type) {
		case *ast.Ident:
			v, ok := f.info.Uses[r].(*types.Var)
			if !ok || (v.Pos() >= lit.Pos() && v.Pos() < lit.End()) {
				return nil, false
			}
		case *ast.CompositeLit:
			if _, ok := sdk.CredValueType(f.info.TypeOf(r)); !ok {
				return nil, false
			}
			computed := false
			ast.Inspect(r, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if sym := sdk.CalleeSymbol(f.info, c); sym != sdk.OsGetenv {
						if tv, ok := f.info.Types[c.Fun]; !ok || !tv.IsType() {
							computed = true
						}
					}
				}
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := f.info.Uses[id].(*types.Var); ok && !v.IsField() && v.Pos() >= lit.Pos() && v.Pos() < lit.End() {
						computed = true
					}
				}
				return !computed
			})
			if computed {
				return nil, false
			}
		default:
			return nil, false
		}
		if first == nil {
			first = r
		}
	}
	return first, first != nil
}

// keyProv returns the provenance of a string value.
func (f *Flow) keyProv(e ast.Expr, depth int) prov {
	e = ast.Unparen(e)
	if e == nil || depth > 10 {
		return unknownProv
	}
	k := memoKey{e, -1, nil}
	if p, ok := f.keyMemo[k]; ok {
		return p
	}
	f.keyMemo[k] = unknownProv // cycle guard
	p := f.keyProvExpr(e, depth)
	f.keyMemo[k] = p
	return p
}

func (f *Flow) keyProvExpr(e ast.Expr, depth int) prov {
	info := f.info
	if s, ok := astq.StringConst(info, e); ok {
		if s == "" {
			return prov{kind: ProvEmpty}
		}
		return prov{kind: ProvLiteral, detail: srctext.Mask(s), awsKey: srctext.AWSKeyID(s) || srctext.AWSSecretKey(s)}
	}
	switch x := e.(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				return f.keyProv(x.Args[0], depth+1)
			}
			return unknownProv
		}
		sym := sdk.CalleeSymbol(info, x)
		if sym == sdk.OsGetenv && len(x.Args) == 1 {
			if name, ok := astq.StringConst(info, x.Args[0]); ok {
				return prov{kind: ProvEnv, detail: name}
			}
			return prov{kind: ProvEnv, detail: envName(info, x.Args[0])}
		}
		best := unknownProv
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
				// cfg.Secret.String(): the receiver's provenance.
				best = f.keyProv(sel.X, depth+1)
			}
		}
		if fn := astq.Callee(info, x); fn != nil {
			if fd := f.idx.funcs[fn]; fd != nil {
				p := f.returnsProv(fd, 0, depth+1)
				if p.kind == ProvConfig {
					if best.kind == ProvConfig {
						return best
					}
					p.detail = srctext.Expr(info, x, 1)
				}
				return p
			}
		}
		for _, a := range x.Args {
			if _, ok := astq.StringConst(info, a); ok {
				continue // a key name, a format: not the value's source
			}
			best = better(best, f.keyProv(a, depth+1))
		}
		if best.kind == ProvEmpty {
			return unknownProv
		}
		return best
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return unknownProv
		}
		return f.varProv(v, x, depth)
	case *ast.SelectorExpr:
		sel := info.Selections[x]
		if sel == nil {
			if v, ok := info.Uses[x.Sel].(*types.Var); ok {
				return f.varProv(v, x, depth)
			}
			return unknownProv
		}
		if sel.Kind() != types.FieldVal {
			return unknownProv
		}
		fv, _ := sel.Obj().(*types.Var)
		if fv == nil {
			return unknownProv
		}
		if _, ok := sdk.STSCredentialsType(info.TypeOf(x.X)); ok {
			// out.Credentials.AccessKeyId of an STS output: temporary.
			if slices.Contains(sdk.STSKeyFields[:], fv.Name()) {
				return prov{kind: ProvSTS, detail: f.stsSource(x.X)}
			}
			return unknownProv
		}
		tag := fieldTag(sdk.FieldOwner(sel), fv)
		if name := envTag(tag); name != "" {
			return prov{kind: ProvEnv, detail: name}
		}
		if _, ok := sdk.CredValueType(info.TypeOf(x.X)); ok {
			if i := keyIndex(fv.Name()); i >= 0 {
				return f.valueProv(x.X, depth+1)[i]
			}
			return unknownProv
		}
		if fv.Pkg() == f.pass.Pkg {
			best := prov{kind: ProvEmpty}
			for _, d := range f.idx.fieldStores[fv] {
				best = better(best, f.defProv(d, depth+1))
			}
			// A field decoded from a configuration file (yaml, json, toml
			// tags) is operator configuration even when the package also
			// fills it from the environment somewhere (a fallback, a test
			// helper) or with a placeholder ("YOUR-ACCESS-KEY-HERE" in a
			// config template): the decoder's stores are invisible here.
			if best.kind > ProvConfig && !(decodeTag(tag) && (best.kind == ProvEnv || best.placeholder())) {
				return best
			}
		}
		return prov{kind: ProvConfig, detail: srctext.Expr(info, x, 1)}
	case *ast.StarExpr:
		return f.keyProv(x.X, depth+1)
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return better(f.keyProv(x.X, depth+1), f.keyProv(x.Y, depth+1))
		}
	case *ast.IndexExpr:
		if p := f.keyProv(x.X, depth+1); p.kind == ProvConfig {
			return prov{kind: ProvConfig, detail: srctext.Expr(info, x, 1)}
		}
	}
	return unknownProv
}

// varProv is the provenance of a string variable: a parameter is
// configuration; otherwise the best of its definitions.
func (f *Flow) varProv(v *types.Var, e ast.Expr, depth int) prov {
	if f.idx.params[v] {
		return prov{kind: ProvConfig, detail: "parameter " + v.Name()}
	}
	if v.Pkg() != f.pass.Pkg {
		return prov{kind: ProvConfig, detail: srctext.Expr(f.info, e, 1)}
	}
	defs := f.idx.defs[v]
	if len(defs) == 0 {
		return unknownProv
	}
	best := prov{kind: ProvEmpty}
	for _, d := range defs {
		best = better(best, f.defProv(d, depth+1))
	}
	return best
}

// defProv is the provenance of the string value one definition assigns.
func (f *Flow) defProv(d def, depth int) prov {
	if d.idx < 0 {
		return f.keyProv(d.rhs, depth)
	}
	call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
	if !ok {
		return unknownProv
	}
	if sym := sdk.CalleeSymbol(f.info, call); sym == sdk.OsLookupEnv && d.idx == 0 && len(call.Args) == 1 {
		name, ok := astq.StringConst(f.info, call.Args[0])
		if !ok {
			name = envName(f.info, call.Args[0])
		}
		return prov{kind: ProvEnv, detail: name}
	}
	if fn := astq.Callee(f.info, call); fn != nil {
		if fd := f.idx.funcs[fn]; fd != nil {
			p := f.returnsProv(fd, d.idx, depth)
			if p.kind == ProvConfig {
				p.detail = srctext.Expr(f.info, call, 1)
			}
			return p
		}
	}
	return unknownProv
}

// returnsProv is the best provenance of string result idx over a
// function's return statements.
func (f *Flow) returnsProv(fn ast.Node, idx, depth int) prov {
	ft := f.idx.funcTypes[fn]
	if ft == nil || ft.Results == nil || depth > 10 {
		return unknownProv
	}
	n := ft.Results.NumFields()
	best := prov{kind: ProvEmpty}
	for _, ret := range f.idx.returns[fn] {
		switch {
		case len(ret.Results) == 1 && n > 1:
			best = better(best, f.defProv(def{ret.Results[0], idx}, depth+1))
		case idx < len(ret.Results):
			best = better(best, f.keyProv(ret.Results[idx], depth+1))
		}
	}
	if best.kind == ProvEmpty {
		return unknownProv
	}
	return best
}

// valueProv returns the provenance of the three keys of a credential
// value (aws.Credentials, v1 or minio credentials.Value).
func (f *Flow) valueProv(e ast.Expr, depth int) [3]prov {
	all := func(p prov) [3]prov { return [3]prov{p, p, p} }
	e = ast.Unparen(e)
	if e == nil || depth > 10 {
		return all(unknownProv)
	}
	info := f.info
	switch x := e.(type) {
	case *ast.CompositeLit:
		out := [3]prov{{kind: ProvEmpty}, {kind: ProvEmpty}, {kind: ProvEmpty}}
		for _, el := range x.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				if i := keyIndex(id.Name); i >= 0 {
					out[i] = f.keyProv(kv.Value, depth+1)
				}
			}
		}
		return out
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return f.valueProv(x.Args[0], depth+1)
		}
		fn := astq.Callee(info, x)
		if sdk.SnapshotMethod(fn) {
			return all(prov{kind: ProvSnapshot, detail: srctext.Expr(info, x, 1) + " at " + f.where(x.Pos())})
		}
		if fd := f.idx.funcs[fn]; fn != nil && fd != nil {
			return f.returnsValueProv(fd, 0, depth+1)
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return all(unknownProv)
		}
		if f.idx.params[v] {
			return all(prov{kind: ProvConfig, detail: "parameter " + v.Name()})
		}
		if v.Pkg() != f.pass.Pkg {
			return all(unknownProv)
		}
		return f.defsValueProv(f.idx.defs[v], depth)
	case *ast.SelectorExpr:
		if sel := info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
			if fv, ok := sel.Obj().(*types.Var); ok && fv.Pkg() == f.pass.Pkg {
				return f.defsValueProv(f.idx.fieldStores[fv], depth)
			}
		}
	case *ast.StarExpr:
		return f.valueProv(x.X, depth+1)
	case *ast.UnaryExpr:
		return f.valueProv(x.X, depth+1)
	}
	return all(unknownProv)
}

func (f *Flow) defsValueProv(defs []def, depth int) [3]prov {
	out := [3]prov{{kind: ProvEmpty}, {kind: ProvEmpty}, {kind: ProvEmpty}}
	if len(defs) == 0 {
		return [3]prov{unknownProv, unknownProv, unknownProv}
	}
	for _, d := range defs {
		var p [3]prov
		if d.idx < 0 {
			p = f.valueProv(d.rhs, depth+1)
		} else {
			p = f.tupleValueProv(d.rhs, d.idx, depth+1)
		}
		for i := range out {
			out[i] = better(out[i], p[i])
		}
	}
	return out
}

// tupleValueProv is valueProv of result idx of a multi-value call:
// creds, err := cfg.Credentials.Retrieve(ctx).
func (f *Flow) tupleValueProv(e ast.Expr, idx, depth int) [3]prov {
	all := func(p prov) [3]prov { return [3]prov{p, p, p} }
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return all(unknownProv)
	}
	fn := astq.Callee(f.info, call)
	if fn == nil {
		return all(unknownProv)
	}
	if idx == 0 && sdk.SnapshotMethod(fn) {
		return all(prov{kind: ProvSnapshot, detail: srctext.Expr(f.info, call, 1) + " at " + f.where(call.Pos())})
	}
	if fd := f.idx.funcs[fn]; fd != nil {
		return f.returnsValueProv(fd, idx, depth)
	}
	return all(unknownProv)
}

func (f *Flow) returnsValueProv(fn ast.Node, idx, depth int) [3]prov {
	ft := f.idx.funcTypes[fn]
	if ft == nil || ft.Results == nil || depth > 10 {
		return [3]prov{unknownProv, unknownProv, unknownProv}
	}
	n := ft.Results.NumFields()
	var defs []def
	for _, ret := range f.idx.returns[fn] {
		switch {
		case len(ret.Results) == 1 && n > 1:
			defs = append(defs, def{ret.Results[0], idx})
		case idx < len(ret.Results):
			defs = append(defs, def{ret.Results[idx], -1})
		}
	}
	return f.defsValueProv(defs, depth)
}

// keyIndex maps a credential value field to 0 (access key), 1 (secret) or
// 2 (session token), or -1.
func keyIndex(name string) int {
	for i, n := range sdk.CredValueKeyFields {
		if n == name {
			return i
		}
	}
	return -1
}

// envTag returns the environment variable a struct tag binds a field to
// (`env:"AWS_SECRET_ACCESS_KEY"`, `envconfig:"AWS_SECRET_ACCESS_KEY"`).
// decodeTag reports whether a struct tag names the field for a
// configuration decoder (yaml, json, toml, mapstructure, koanf, hcl).
func decodeTag(tag string) bool {
	st := reflect.StructTag(tag)
	for _, key := range []string{"yaml", "json", "toml", "mapstructure", "koanf", "hcl"} {
		if v, ok := st.Lookup(key); ok && v != "-" {
			return true
		}
	}
	return false
}

func envTag(tag string) string {
	if tag == "" {
		return ""
	}
	st := reflect.StructTag(tag)
	for _, key := range []string{"env", "envconfig"} {
		if v, ok := st.Lookup(key); ok {
			name, _, _ := strings.Cut(v, ",")
			if name != "" && name != "-" {
				return name
			}
		}
	}
	return ""
}

// stsSource names where STS credentials (out.Credentials, or a variable
// holding them) come from: the STS call and its position when the value
// is a field of a local variable assigned from a call, else the value.
func (f *Flow) stsSource(e ast.Expr) string {
	if call := f.stsCall(e, 0); call != nil {
		return srctext.Construction(f.info, call) + " at " + f.where(call.Pos())
	}
	return srctext.Expr(f.info, e, 1)
}

// stsCall finds the SDK call whose output e is part of, through
// selectors, dereferences and local variables (c := out.Credentials).
func (f *Flow) stsCall(e ast.Expr, depth int) *ast.CallExpr {
	if depth > 4 {
		return nil
	}
	base := ast.Unparen(e)
	for {
		switch x := base.(type) {
		case *ast.SelectorExpr:
			base = ast.Unparen(x.X)
			continue
		case *ast.StarExpr:
			base = ast.Unparen(x.X)
			continue
		}
		break
	}
	switch x := base.(type) {
	case *ast.CallExpr:
		if fn := astq.Callee(f.info, x); fn != nil && sdk.SDKOf(sdk.PackagePath(fn.Pkg())) != sdk.None {
			return x
		}
	case *ast.Ident:
		if v, ok := f.info.Uses[x].(*types.Var); ok && v.Pkg() == f.pass.Pkg {
			for _, d := range f.idx.defs[v] {
				if d.idx > 0 {
					continue
				}
				if c := f.stsCall(d.rhs, depth+1); c != nil {
					return c
				}
			}
		}
	}
	return nil
}

// envName renders the name of an environment variable built at run time:
// prefix + "AWS_ACCESS_KEY_ID" (a variable name is no secret).
func envName(info *types.Info, e ast.Expr) string {
	e = ast.Unparen(e)
	if s, ok := astq.StringConst(info, e); ok {
		return strconv.Quote(s)
	}
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return envName(info, b.X) + " + " + envName(info, b.Y)
	}
	return srctext.Expr(info, e, 1)
}
