package credflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// Snapshot reports whether the value of e — a credential value
// (aws.Credentials, v1 or minio credentials.Value, a pointer to one) or one
// of its keys — is a one-time snapshot of refreshing credentials (v2
// Retrieve, v1 and minio Get). kept says the snapshot outlives the code
// that uses it: it was stored in a struct field or a variable by another
// function, at package level, or inside a sync.Once. A snapshot taken in
// the same function as its use (Retrieve per request) is not kept.
// Provenance.Detail names the snapshot call and where it was taken.
func (f *Flow) Snapshot(e ast.Expr) (p Provenance, kept, ok bool) {
	if !f.enabled || e == nil {
		return Provenance{}, false, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.snap(e, e.Pos(), 0, map[any]bool{})
	if !r.ok {
		return Provenance{}, false, false
	}
	return Provenance{Kind: ProvSnapshot, Detail: r.detail, Token: HasToken}, r.kept, true
}

type snapRes struct {
	detail string
	kept   bool
	ok     bool
}

func (f *Flow) snap(e ast.Expr, use token.Pos, depth int, seen map[any]bool) snapRes {
	e = ast.Unparen(e)
	if e == nil || depth > 8 {
		return snapRes{}
	}
	info := f.info
	switch x := e.(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() {
			if len(x.Args) == 1 {
				return f.snap(x.Args[0], use, depth+1, seen)
			}
			return snapRes{}
		}
		fn := astq.Callee(info, x)
		if fn == nil {
			return snapRes{}
		}
		if sdk.SnapshotMethod(fn) {
			return snapRes{detail: srctext.Expr(info, x, 1) + " at " + f.where(x.Pos()), ok: true}
		}
		if fd := f.idx.funcs[fn]; fd != nil && !seen[fd] {
			// A helper or getter of the package: what it returns.
			seen[fd] = true
			defer delete(seen, fd)
			for _, ret := range f.idx.returns[fd] {
				if len(ret.Results) == 0 {
					continue
				}
				if r := f.snap(ret.Results[0], ret.Pos(), depth+1, seen); r.ok {
					return r
				}
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || f.idx.params[v] || v.Pkg() != f.pass.Pkg {
			return snapRes{}
		}
		return f.snapDefs(v, f.idx.defs[v], use, depth, seen)
	case *ast.SelectorExpr:
		sel := info.Selections[x]
		if sel == nil || sel.Kind() != types.FieldVal {
			return snapRes{}
		}
		fv, _ := sel.Obj().(*types.Var)
		if fv == nil {
			return snapRes{}
		}
		if _, ok := sdk.CredValueType(info.TypeOf(x.X)); ok {
			if keyIndex(fv.Name()) >= 0 {
				return f.snap(x.X, use, depth+1, seen)
			}
			return snapRes{}
		}
		if fv.Pkg() == f.pass.Pkg {
			return f.snapDefs(fv, f.idx.fieldStores[fv], use, depth, seen)
		}
	case *ast.StarExpr:
		return f.snap(x.X, use, depth+1, seen)
	case *ast.CompositeLit:
		// A struct that holds the snapshot (Session{Creds: creds}).
		if _, ok := info.TypeOf(x).Underlying().(*types.Struct); !ok {
			return snapRes{}
		}
		for _, el := range x.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			if _, ok := sdk.CredValueType(info.TypeOf(el)); !ok {
				continue
			}
			if r := f.snap(el, use, depth+1, seen); r.ok {
				return r
			}
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.snap(x.X, use, depth+1, seen)
		}
	}
	return snapRes{}
}

// snapDefs is snap over the definitions of a variable or field.
func (f *Flow) snapDefs(v *types.Var, defs []def, use token.Pos, depth int, seen map[any]bool) snapRes {
	if seen[v] {
		return snapRes{}
	}
	seen[v] = true
	defer delete(seen, v)
	for _, d := range defs {
		var r snapRes
		if d.idx < 0 {
			r = f.snap(d.rhs, d.rhs.Pos(), depth+1, seen)
		} else if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && d.idx == 0 && sdk.SnapshotMethod(astq.Callee(f.info, call)) {
			r = snapRes{detail: srctext.Expr(f.info, call, 1) + " at " + f.where(call.Pos()), ok: true}
		}
		if !r.ok {
			continue
		}
		r.kept = r.kept || f.outlives(d.rhs.Pos(), use)
		return r
	}
	return snapRes{}
}

// outlives reports whether a value stored at pos outlives the function
// that uses it at use: the store is at package level, in another
// function, or inside a function run by a sync.Once.
func (f *Flow) outlives(pos, use token.Pos) bool {
	d := f.enclosingDecl(pos)
	if d == nil || d != f.enclosingDecl(use) {
		return true
	}
	once := false
	ast.Inspect(d, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || once {
			return !once
		}
		switch sdk.CalleeSymbol(f.info, call) {
		case sdk.SyncOnceDo, sdk.SyncOnceValue, sdk.SyncOnceValues, sdk.SyncOnceFunc:
			for _, a := range call.Args {
				if lit, ok := ast.Unparen(a).(*ast.FuncLit); ok && lit.Pos() <= pos && pos < lit.End() {
					once = true
				}
			}
		}
		return true
	})
	return once
}

// enclosingDecl returns the top-level function declaration that contains
// pos, or nil.
func (f *Flow) enclosingDecl(pos token.Pos) *ast.FuncDecl {
	for _, file := range f.pass.Files {
		if pos < file.FileStart || pos > file.FileEnd {
			continue
		}
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd
			}
		}
	}
	return nil
}

// SliceElems returns the element expressions that can reach a slice value
// e: elements of slice literals, values appended (append(env, "A=" + a)),
// followed through local and package variables (every assignment) and
// fields of the package's own structs. It is how an environment built for
// another process ([]string of "NAME=value") is read.
func (f *Flow) SliceElems(e ast.Expr) []ast.Expr {
	if !f.enabled || e == nil {
		return nil
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []ast.Expr
	seen := map[any]bool{}
	var walk func(e ast.Expr, depth int)
	walk = func(e ast.Expr, depth int) {
		e = ast.Unparen(e)
		if e == nil || depth > 8 || seen[e] {
			return
		}
		seen[e] = true
		defs := func(v *types.Var, ds []def) {
			if seen[v] {
				return
			}
			seen[v] = true
			for _, d := range ds {
				if d.idx <= 0 { // one value, or the first result of a helper
					walk(d.rhs, depth+1)
				}
			}
		}
		switch x := e.(type) {
		case *ast.CompositeLit:
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					el = kv.Value
				}
				out = append(out, el)
			}
		case *ast.CallExpr:
			if astq.IsAppend(f.info, x) && len(x.Args) > 0 {
				walk(x.Args[0], depth+1)
				if x.Ellipsis.IsValid() {
					walk(x.Args[len(x.Args)-1], depth+1)
					return
				}
				out = append(out, x.Args[1:]...)
				return
			}
			// A helper of the package that builds the slice: its first result.
			if fn := astq.Callee(f.info, x); fn != nil {
				if fd := f.idx.funcs[fn]; fd != nil && !seen[fd] {
					seen[fd] = true
					for _, ret := range f.idx.returns[fd] {
						if len(ret.Results) > 0 {
							walk(ret.Results[0], depth+1)
						}
					}
				}
			}
		case *ast.Ident:
			v, ok := f.info.Uses[x].(*types.Var)
			if !ok || v.Pkg() != f.pass.Pkg {
				return
			}
			if f.idx.params[v] {
				// A parameter: the arguments of the package's calls.
				for _, a := range f.argsOf(v) {
					walk(a, depth+1)
				}
				return
			}
			defs(v, f.idx.defs[v])
		case *ast.SelectorExpr:
			if sel := f.info.Selections[x]; sel != nil && sel.Kind() == types.FieldVal {
				if fv, ok := sel.Obj().(*types.Var); ok && fv.Pkg() == f.pass.Pkg {
					defs(fv, f.idx.fieldStores[fv])
				}
			}
		}
	}
	walk(e, 0)
	return out
}

// argsOf returns the arguments passed for parameter v by the calls in the
// package of the function that declares it (not for variadic parameters).
func (f *Flow) argsOf(v *types.Var) []ast.Expr {
	fn, i, ok := f.du.ParamOf(v)
	if !ok || f.idx.funcs[fn] == nil {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || (sig.Variadic() && i == sig.Params().Len()-1) {
		return nil
	}
	var out []ast.Expr
	for _, call := range f.du.CallsTo(fn) {
		if i < len(call.Args) && !call.Ellipsis.IsValid() {
			out = append(out, call.Args[i])
		}
	}
	return out
}
