package astq

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestQueries(t *testing.T) {
	const src = `package p

const n = 2 * 3

func f() error { return nil }

var (
	a = n
	b = "s3"
	c []int
	d = append(c, 1)
	e = f()
	g error = nil
)
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]ast.Expr{}
	for _, spec := range file.Decls[2].(*ast.GenDecl).Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) == 1 {
			values[vs.Names[0].Name] = vs.Values[0]
		}
	}
	if v, ok := IntConst(info, values["a"]); !ok || v != 6 {
		t.Errorf("IntConst(a) = %d, %v; want 6", v, ok)
	}
	if s, ok := StringConst(info, values["b"]); !ok || s != "s3" {
		t.Errorf("StringConst(b) = %q, %v", s, ok)
	}
	if _, ok := IntConst(info, values["b"]); ok {
		t.Error("IntConst of a string constant")
	}
	if !IsAppend(info, values["d"].(*ast.CallExpr)) || IsAppend(info, values["e"].(*ast.CallExpr)) {
		t.Error("IsAppend: append(c, 1) is, f() is not")
	}
	if fn := Callee(info, values["e"].(*ast.CallExpr)); fn != pkg.Scope().Lookup("f") || !ResultIsError(fn) {
		t.Errorf("Callee(f()) = %v", fn)
	}
	if !IsNil(info, values["g"]) || IsNil(info, values["a"]) {
		t.Error("IsNil: nil is, a is not")
	}
}
