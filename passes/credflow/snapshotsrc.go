package credflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// Snapshot is what SnapshotSource found.
type Snapshot struct {
	// Provider is the provider the snapshot was taken from.
	Provider ast.Expr
	// Var is the snapshot variable's identifier in its definition when
	// the construction is the variable's only use (a fix that removes the
	// use must blank the variable: v, err := ... -> _, err := ...), or nil.
	Var *ast.Ident
	// Define is the definition's ":=" when blanking Var leaves it without
	// a new variable (v, _ := ...): it must become "=". NoPos otherwise.
	Define token.Pos
}

// SnapshotSource returns the provider that a static construction's keys
// were snapshotted from, for a fix that hands the construction's user that
// provider instead of a frozen copy:
//
//	v, err := cfg.Credentials.Retrieve(ctx)                                        // the snapshot
//	o.Credentials = credentials.NewStaticCredentialsProvider(v.AccessKeyID, ...)   // -> cfg.Credentials
//
// It answers only when the fix is sure to compile and mean the same
// credentials: every key argument of the static constructor is a field of
// one local variable (or, for a constructor taking a credentials value,
// that variable), whose only definition is the first result of a snapshot
// call (Retrieve, Get, GetWithContext, ...) on a variable or a field path
// of one, which is visible at the construction and assignable to want (the
// type the construction is used as there).
func (f *Flow) SnapshotSource(call *ast.CallExpr, want types.Type) (Snapshot, bool) {
	if !f.enabled || call == nil || want == nil {
		return Snapshot{}, false
	}
	info := f.info
	cc, ok := sdk.CredConstructorOf(sdk.CalleeSymbol(info, call))
	if !ok || cc.Kind != sdk.CredStatic {
		return Snapshot{}, false
	}
	var snap *types.Var
	same := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok || snap != nil && v != snap {
			return false
		}
		snap = v
		return true
	}
	switch {
	case cc.FromCreds >= 0:
		if cc.FromCreds >= len(call.Args) || !same(call.Args[cc.FromCreds]) {
			return Snapshot{}, false
		}
	default:
		for _, a := range cc.KeyArgs {
			if a < 0 {
				continue
			}
			if a >= len(call.Args) {
				return Snapshot{}, false
			}
			sel, ok := ast.Unparen(call.Args[a]).(*ast.SelectorExpr)
			if !ok || !same(sel.X) {
				return Snapshot{}, false
			}
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if snap == nil || f.idx.params[snap] || snap.Parent() == snap.Pkg().Scope() {
		return Snapshot{}, false
	}
	defs := f.idx.defs[snap]
	if len(defs) != 1 || defs[0].idx > 0 {
		return Snapshot{}, false
	}
	get, ok := ast.Unparen(defs[0].rhs).(*ast.CallExpr)
	if !ok || !sdk.SnapshotMethod(astq.Callee(info, get)) {
		return Snapshot{}, false
	}
	recv, ok := ast.Unparen(get.Fun).(*ast.SelectorExpr)
	if !ok {
		return Snapshot{}, false
	}
	src := ast.Unparen(recv.X)
	root := src
	for {
		sel, ok := root.(*ast.SelectorExpr)
		if !ok {
			break
		}
		if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			return Snapshot{}, false // a method value or a package-qualified name
		}
		root = ast.Unparen(sel.X)
	}
	id, ok := root.(*ast.Ident)
	if !ok {
		return Snapshot{}, false
	}
	obj := info.Uses[id]
	if _, ok := obj.(*types.Var); !ok {
		return Snapshot{}, false
	}
	if scope := f.pass.Pkg.Scope().Innermost(call.Pos()); scope == nil {
		return Snapshot{}, false
	} else if _, found := scope.LookupParent(id.Name, call.Pos()); found != obj {
		return Snapshot{}, false // shadowed, or not declared yet, at the construction
	}
	if t := info.TypeOf(src); t == nil || !types.AssignableTo(t, want) {
		return Snapshot{}, false
	}
	snapshot := Snapshot{Provider: src}
	for id, obj := range info.Uses {
		if obj == snap && (id.Pos() < call.Pos() || id.Pos() >= call.End()) {
			return snapshot, true // used elsewhere too: it stays
		}
	}
	// The construction is the only use: find the definition's identifier.
	for _, file := range f.pass.Files {
		if file.Pos() > get.Pos() || get.Pos() >= file.End() {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != get || len(as.Lhs) == 0 {
				return snapshot.Var == nil
			}
			id, ok := as.Lhs[0].(*ast.Ident)
			if !ok || info.ObjectOf(id) != snap {
				return false
			}
			snapshot.Var = id
			if as.Tok == token.DEFINE {
				snapshot.Define = as.TokPos
				for _, l := range as.Lhs[1:] {
					if lid, ok := l.(*ast.Ident); ok && lid.Name != "_" && info.Defs[lid] != nil {
						snapshot.Define = token.NoPos // another new variable keeps :=
					}
				}
			}
			return false
		})
	}
	return snapshot, true
}
