package credflow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/defuse"
	"github.com/credlint/credlint/passes/sdk"
)

// def is one definition of a variable (or one store to a field): the
// right-hand side, and the result index when it is one of several values
// of a call (-1 otherwise).
type def struct {
	rhs ast.Expr
	idx int
}

// holderStore is an update of an SDK config held in a variable:
// cfg.Credentials = p, cfg.BaseEndpoint = aws.String(u), cfg.WithCredentials(p).
type holderStore struct {
	rhs      ast.Expr
	endpoint bool // the store sets the endpoint, not the credentials
	merge    bool // rhs is a config merged in (v1 cfg.MergeIn): only its credentials, if set, replace
}

// index is the package's def-use information, built in one walk.
type index struct {
	defs         map[*types.Var][]def
	fieldStores  map[*types.Var][]def // fields of the package's own structs
	holderStores map[*types.Var][]holderStore
	params       map[*types.Var]bool
	funcs        map[*types.Func]*ast.FuncDecl
	clientCalls  []*ast.CallExpr
	returns      map[ast.Node][]*ast.ReturnStmt // FuncDecl or FuncLit -> its own return statements
	funcTypes    map[ast.Node]*ast.FuncType
}

func buildIndex(pass *analysis.Pass, insp *inspector.Inspector, du *defuse.Index) *index {
	info := pass.TypesInfo
	ix := &index{
		defs:         map[*types.Var][]def{},
		fieldStores:  map[*types.Var][]def{},
		holderStores: map[*types.Var][]holderStore{},
		params:       du.Params,
		funcs:        du.Funcs,
		returns:      du.Returns,
		funcTypes:    du.FuncTypes,
	}
	// Stores in _test.go files to objects declared in other files do not
	// reach the package as built without its tests.
	leaks := du.Leaks
	// assign records lhs := rhs (idx: result index or -1).
	assign := func(lhs, rhs ast.Expr, idx int) {
		if obj := rootObj(info, lhs); leaks(rhs.Pos(), obj) {
			return
		}
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if v := varOf(info, l); v != nil {
				ix.defs[v] = append(ix.defs[v], def{rhs, idx})
			}
		case *ast.SelectorExpr:
			sel := info.Selections[l]
			if sel == nil {
				// qualified package variable of another package: no index
				return
			}
			if sel.Kind() != types.FieldVal {
				return
			}
			fs := sdk.FieldSymbol(info, l)
			if _, ok := sdk.CredField(fs); ok {
				if root := rootVar(info, l.X); root != nil {
					ix.holderStores[root] = append(ix.holderStores[root], holderStore{rhs: rhs})
				}
				return
			}
			if sdk.EndpointField(fs) {
				if root := rootVar(info, l.X); root != nil {
					ix.holderStores[root] = append(ix.holderStores[root], holderStore{rhs: rhs, endpoint: true})
				}
				return
			}
			if fv, ok := sel.Obj().(*types.Var); ok && fv.Pkg() == pass.Pkg {
				ix.fieldStores[fv] = append(ix.fieldStores[fv], def{rhs, idx})
			}
		}
	}

	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil), (*ast.CallExpr)(nil)}
	for cur := range insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt, *ast.ValueSpec:
			for _, st := range du.Stores(n) {
				if st.Rhs != nil {
					assign(st.Lhs, st.Rhs, st.Idx)
				}
			}
		case *ast.CompositeLit:
			st, named := structOf(info.TypeOf(n))
			if st == nil || named == nil || named.Obj().Pkg() != pass.Pkg || leaks(n.Pos(), named.Obj()) {
				continue
			}
			for i, el := range n.Elts {
				var fv *types.Var
				val := el
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					id, ok := kv.Key.(*ast.Ident)
					if !ok {
						continue
					}
					fv = fieldByName(st, id.Name)
					val = kv.Value
				} else if i < st.NumFields() {
					fv = st.Field(i)
				}
				if fv != nil {
					ix.fieldStores[fv] = append(ix.fieldStores[fv], def{val, -1})
				}
			}
		case *ast.CallExpr:
			fn := astq.Callee(info, n)
			if fn == nil {
				continue
			}
			sym := sdk.SymbolOf(fn)
			if c, ok := sdk.ConstructorOf(sym); ok && c.Kind != sdk.Session && c.Kind != sdk.Config {
				ix.clientCalls = append(ix.clientCalls, n)
			}
			// v1 cfg.WithCredentials(p) / cfg.WithEndpoint(u) called on a variable.
			if sym.Recv == "" {
				continue
			}
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				continue
			}
			if v := rootVar(info, sel.X); v != nil && leaks(n.Pos(), v) {
				continue
			}
			if i, ok := sdk.CredSetter(sym); ok && i < len(n.Args) {
				if root := rootVar(info, sel.X); root != nil {
					ix.holderStores[root] = append(ix.holderStores[root], holderStore{rhs: n.Args[i]})
				}
			}
			if sdk.ConfigMergeIn(sym) {
				if root := rootVar(info, sel.X); root != nil {
					for _, a := range n.Args {
						ix.holderStores[root] = append(ix.holderStores[root], holderStore{rhs: a, merge: true})
					}
				}
			}
			if i, ok := sdk.EndpointSetter(sym); ok && i < len(n.Args) {
				if root := rootVar(info, sel.X); root != nil {
					ix.holderStores[root] = append(ix.holderStores[root], holderStore{rhs: n.Args[i], endpoint: true})
				}
			}
		}
	}
	return ix
}

// rootObj returns the object an assignment's left-hand side stores into:
// the variable, or the field for x.f.
func rootObj(info *types.Info, lhs ast.Expr) types.Object {
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if v := varOf(info, l); v != nil {
			return v
		}
	case *ast.SelectorExpr:
		if sel := info.Selections[l]; sel != nil {
			if sel.Kind() == types.FieldVal {
				fs := sdk.FieldSymbol(info, l)
				if _, ok := sdk.CredField(fs); ok || sdk.EndpointField(fs) {
					// an SDK config's field: stored per root variable
					if v := rootVar(info, l.X); v != nil {
						return v
					}
				}
				return sel.Obj() // a field of the package's own struct
			}
			return nil
		}
		return info.Uses[l.Sel]
	}
	return nil
}

// varOf returns the variable an identifier defines or uses.
func varOf(info *types.Info, id *ast.Ident) *types.Var {
	if id == nil || id.Name == "_" {
		return nil
	}
	if v, ok := info.Defs[id].(*types.Var); ok && v != nil {
		return v
	}
	if v, ok := info.Uses[id].(*types.Var); ok && v != nil {
		return v
	}
	return nil
}

// rootVar returns the variable at the root of x.a.b, *x, x[i], or nil.
func rootVar(info *types.Info, e ast.Expr) *types.Var {
	for range 16 {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v := varOf(info, x)
			if v != nil && !v.IsField() {
				return v
			}
			return nil
		case *ast.SelectorExpr:
			if info.Selections[x] == nil {
				// package-qualified variable
				if v, ok := info.Uses[x.Sel].(*types.Var); ok {
					return v
				}
				return nil
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		default:
			return nil
		}
	}
	return nil
}

// structOf returns the struct type of t (through one pointer) and its
// named type, if any.
func structOf(t types.Type) (*types.Struct, *types.Named) {
	if t == nil {
		return nil, nil
	}
	n := sdk.NamedOf(t)
	if n != nil {
		st, _ := n.Underlying().(*types.Struct)
		return st, n
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	st, _ := t.Underlying().(*types.Struct)
	return st, nil
}

func fieldByName(st *types.Struct, name string) *types.Var {
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return st.Field(i)
		}
	}
	return nil
}

// fieldTag returns the struct tag of a field variable, looking it up in
// the struct that declares it.
func fieldTag(owner *types.Named, fv *types.Var) string {
	if owner == nil {
		return ""
	}
	st, _ := owner.Underlying().(*types.Struct)
	if st == nil {
		return ""
	}
	for i := range st.NumFields() {
		if st.Field(i) == fv || (st.Field(i).Name() == fv.Name() && st.Field(i).Pos() == fv.Pos()) {
			return st.Tag(i)
		}
	}
	return ""
}
