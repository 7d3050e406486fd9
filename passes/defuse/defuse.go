// Package defuse is the def-use index of a package, built in one walk and
// shared by passes/credflow and the rules (through sdk.Reach.DefUse): every
// store of a value (=, := and var, split into one Store per name), the
// package's function declarations, parameters, calls and return statements.
// What a store means (credentials, errors, a process-lifetime client) is
// each user's business.
package defuse

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/astq"
)

// Store is one store of a value into Lhs: the value Rhs (nil for a var
// declaration without values), or result Idx of it when Rhs is one call
// giving several values (-1 otherwise).
type Store struct {
	Lhs ast.Expr // an identifier, or x.f, x[i], *p for assignments
	Rhs ast.Expr
	Idx int
	Pos token.Pos   // the position of the statement or declaration
	Tok token.Token // token.ASSIGN, token.DEFINE, or token.VAR for a var or const spec
}

// Index is the def-use information of one package.
type Index struct {
	fset   *token.FileSet
	stores map[ast.Node][]Store
	params map[*types.Var]param
	calls  map[*types.Func][]*ast.CallExpr

	// Decls are the package's function declarations (with or without a
	// body); Funcs those with a body.
	Decls map[*types.Func]*ast.FuncDecl
	Funcs map[*types.Func]*ast.FuncDecl
	// Params are the parameters and receivers of the package's functions
	// and function literals.
	Params map[*types.Var]bool
	// Returns maps a FuncDecl or FuncLit to its own return statements.
	Returns map[ast.Node][]*ast.ReturnStmt
	// FuncTypes maps a FuncDecl or FuncLit to its type.
	FuncTypes map[ast.Node]*ast.FuncType
}

// New builds the index of the package whose files insp covers.
func New(fset *token.FileSet, info *types.Info, insp *inspector.Inspector) *Index {
	ix := &Index{
		fset:      fset,
		stores:    map[ast.Node][]Store{},
		params:    map[*types.Var]param{},
		calls:     map[*types.Func][]*ast.CallExpr{},
		Decls:     map[*types.Func]*ast.FuncDecl{},
		Funcs:     map[*types.Func]*ast.FuncDecl{},
		Params:    map[*types.Var]bool{},
		Returns:   map[ast.Node][]*ast.ReturnStmt{},
		FuncTypes: map[ast.Node]*ast.FuncType{},
	}
	addParams := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, n := range f.Names {
				if v, ok := info.Defs[n].(*types.Var); ok && v != nil {
					ix.Params[v] = true
				}
			}
		}
	}
	filter := []ast.Node{
		(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil),
		(*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil), (*ast.CallExpr)(nil),
	}
	for cur := range insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				continue
			}
			for i, lhs := range n.Lhs {
				if rhs, idx := valueOf(i, len(n.Lhs), n.Rhs); rhs != nil {
					ix.stores[n] = append(ix.stores[n], Store{lhs, rhs, idx, n.Pos(), n.Tok})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				rhs, idx := valueOf(i, len(n.Names), n.Values)
				if rhs != nil || len(n.Values) == 0 {
					ix.stores[n] = append(ix.stores[n], Store{name, rhs, idx, n.Pos(), token.VAR})
				}
			}
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok && fn != nil {
				ix.Decls[fn] = n
				if n.Body != nil {
					ix.Funcs[fn] = n
				}
				i := 0
				for _, field := range n.Type.Params.List {
					if len(field.Names) == 0 {
						i++
						continue
					}
					for _, id := range field.Names {
						if v, ok := info.Defs[id].(*types.Var); ok && v != nil {
							ix.params[v] = param{fn, i}
						}
						i++
					}
				}
			}
			addParams(n.Recv)
			addParams(n.Type.Params)
			ix.FuncTypes[n] = n.Type
		case *ast.FuncLit:
			addParams(n.Type.Params)
			ix.FuncTypes[n] = n.Type
		case *ast.CallExpr:
			if fn := astq.Callee(info, n); fn != nil {
				ix.calls[fn] = append(ix.calls[fn], n)
			}
		case *ast.ReturnStmt:
			for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
				ix.Returns[c.Node()] = append(ix.Returns[c.Node()], n)
				break
			}
		}
	}
	return ix
}

// valueOf returns the value given to the i-th of n names by values: the
// i-th value (idx -1), or result i of a single multi-value call (idx i);
// nil when there is none (a declaration without values).
func valueOf(i, n int, values []ast.Expr) (rhs ast.Expr, idx int) {
	switch {
	case len(values) == n:
		return values[i], -1
	case len(values) == 1:
		return values[0], i
	}
	return nil, -1
}

// param is a parameter's function and index.
type param struct {
	fn *types.Func
	i  int
}

// ParamOf returns the function declaration of the package that declares
// parameter v (not a receiver), and v's index among its parameters.
func (ix *Index) ParamOf(v *types.Var) (*types.Func, int, bool) {
	p, ok := ix.params[v]
	return p.fn, p.i, ok
}

// CallsTo returns the static calls of fn in the package, in source order.
func (ix *Index) CallsTo(fn *types.Func) []*ast.CallExpr { return ix.calls[fn] }

// Stores returns the stores of an assignment (= or :=; none for the
// others) or of a var or const spec, one per name, in order.
func (ix *Index) Stores(n ast.Node) []Store { return ix.stores[n] }

// IsTest reports whether pos is in a _test.go file.
func (ix *Index) IsTest(pos token.Pos) bool {
	f := ix.fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// TestOnly reports whether a store at pos is in a _test.go file while what
// it stores into (declared at decl) is not: test set-up does not reach the
// package as built without its tests.
func (ix *Index) TestOnly(pos, decl token.Pos) bool {
	return ix.IsTest(pos) && !ix.IsTest(decl)
}

// Leaks reports whether a store at pos into obj is TestOnly (obj declared
// in a file of the package).
func (ix *Index) Leaks(pos token.Pos, obj types.Object) bool {
	return obj != nil && obj.Pos().IsValid() && ix.fset.File(obj.Pos()) != nil && ix.TestOnly(pos, obj.Pos())
}
