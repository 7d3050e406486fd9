package defuse

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

const src = `package p

var a, b = two()
var c int

func two() (int, int) { return 1, 2 }

func f(x int, _ string, ys ...int) int {
	x, y := two()
	x = y
	x += 1
	return x
}

func g() { f(1, "", 2) }
`

func TestIndex(t *testing.T) {
	fset := token.NewFileSet()
	main, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	test, err := parser.ParseFile(fset, "p_test.go", "package p\nfunc init() { c = 1 }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{main, test}, info)
	if err != nil {
		t.Fatal(err)
	}
	ix := New(fset, info, inspector.New([]*ast.File{main, test}))

	var stores []string
	for _, n := range []ast.Node{main.Decls[0].(*ast.GenDecl).Specs[0], main.Decls[1].(*ast.GenDecl).Specs[0]} {
		for _, s := range ix.Stores(n) {
			stores = append(stores, types.ExprString(s.Lhs)+"="+exprOrNil(s.Rhs)+"#"+string(rune('0'+s.Idx+1)))
		}
	}
	if got, want := stores, []string{"a=two()#1", "b=two()#2", "c=nil#0"}; !equal(got, want) {
		t.Errorf("package-level stores = %v, want %v", got, want)
	}
	f := pkg.Scope().Lookup("f").(*types.Func)
	decl := ix.Funcs[f]
	if decl == nil {
		t.Fatal("f not indexed")
	}
	n := 0
	ast.Inspect(decl.Body, func(x ast.Node) bool {
		if as, ok := x.(*ast.AssignStmt); ok {
			n += len(ix.Stores(as)) // x, y := two() (2); x = y (1); x += 1 (none)
		}
		return true
	})
	if n != 3 {
		t.Errorf("stores in f = %d, want 3", n)
	}
	if len(ix.Returns[decl]) != 1 {
		t.Errorf("returns of f = %d, want 1", len(ix.Returns[decl]))
	}
	ys := decl.Type.Params.List[2].Names[0]
	if fn, i, ok := ix.ParamOf(info.Defs[ys].(*types.Var)); !ok || fn != f || i != 2 {
		t.Errorf("ParamOf(ys) = %v, %d, %v; want f, 2", fn, i, ok)
	}
	if calls := ix.CallsTo(f); len(calls) != 1 {
		t.Errorf("CallsTo(f) = %d calls, want 1", len(calls))
	}
	initStore := test.Decls[0].(*ast.FuncDecl).Body.List[0]
	c := pkg.Scope().Lookup("c")
	if !ix.Leaks(initStore.Pos(), c) || ix.Leaks(main.Pos(), c) {
		t.Errorf("Leaks: a store in p_test.go to c of p.go leaks, one in p.go does not")
	}
}

func exprOrNil(e ast.Expr) string {
	if e == nil {
		return "nil"
	}
	return types.ExprString(e)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
