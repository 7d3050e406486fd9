package fixedit

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

const src = `package p

import (
	"fmt"
	"os"
)

func f(key string) ([]string, error) {
	v, err := os.Hostname()
	if err != nil {
		return nil, err
	}
	env := []string{"A=" + v, "B=1", fmt.Sprint(key)}
	if key != "" {
		env = append(env, "C="+v)
	}
	return env, nil
}
`

// pass type-checks src as the only file of a package.
func pass(t *testing.T, src string) (*analysis.Pass, *ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Implicits: map[ast.Node]types.Object{},
		Scopes: map[ast.Node]*types.Scope{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	return &analysis.Pass{
		Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info,
		ReadFile: func(name string) ([]byte, error) {
			if name != "p.go" {
				return nil, os.ErrNotExist
			}
			return []byte(src), nil
		},
	}, file
}

// apply applies edits to src.
func apply(t *testing.T, fset *token.FileSet, edits []analysis.TextEdit) string {
	t.Helper()
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(a.Pos - b.Pos) })
	out, last := "", 0
	tf := fset.File(edits[0].Pos)
	for _, e := range edits {
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		if start < last {
			t.Fatalf("overlapping edits: %v", edits)
		}
		out += src[last:start] + string(e.NewText)
		last = end
	}
	return out + src[last:]
}

// TestRemoveEntries removes every use of v and of fmt: two elements of a
// one-line list go by rewriting the list, the append statement goes with
// the if it was alone in, v becomes _ in its := (which stays: err is new)
// and the fmt import goes.
func TestRemoveEntries(t *testing.T) {
	p, file := pass(t, src)
	var lit *ast.CompositeLit
	var appendStmt inspector.Cursor
	root := inspector.New([]*ast.File{file}).Root()
	for c := range root.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			lit = n
		case *ast.AssignStmt:
			if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == "env" && n.Tok == token.ASSIGN {
				appendStmt = c
			}
		}
	}
	edits, spans, ok := Elems(p, lit.Elts, []int{0, 2})
	if !ok {
		t.Fatal("Elems refused")
	}
	del, ok := Stmt(p, appendStmt)
	if !ok {
		t.Fatal("Stmt refused")
	}
	edits = append(edits, analysis.TextEdit{Pos: del.Pos, End: del.End})
	spans = append(spans, del)
	more, ok := Leftovers(p, file, spans)
	if !ok {
		t.Fatal("Leftovers refused")
	}
	got := apply(t, p.Fset, append(edits, more...))
	want := `package p

import (
	"os"
)

func f(key string) ([]string, error) {
	_, err := os.Hostname()
	if err != nil {
		return nil, err
	}
	env := []string{"B=1"}
	return env, nil
}
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestLeftoversRefuses refuses to blank a variable that is assigned
// elsewhere: "v = ..." would be left without its declaration.
func TestLeftoversRefuses(t *testing.T) {
	const assigned = `package p

import "os"

func f() {
	v, _ := os.Hostname()
	v = "x"
	os.Setenv("A", v)
}
`
	p, file := pass(t, assigned)
	var call *ast.CallExpr
	ast.Inspect(file, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && len(c.Args) == 2 {
			call = c
		}
		return true
	})
	if _, ok := Leftovers(p, file, []Span{{call.Pos(), call.End()}}); ok {
		t.Error("Leftovers blanked v, which is assigned outside the removed code")
	}
}
