package srctext

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"minioadmin":           "****",
		"AKIAIOSFODNN7EXAMPLE": "AKIA…MPLE",
		"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY": "wJal…EKEY",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWhere(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/src/mod/internal/store/store.go", -1, 100)
	f.SetLinesForContent([]byte("a\nb\nc\n"))
	if got, want := Where(fset, f.Pos(2)), "store/store.go:2"; got != want {
		t.Errorf("Where = %q, want %q", got, want)
	}
	if got := Where(fset, token.NoPos); got != "?" {
		t.Errorf("Where(NoPos) = %q, want ?", got)
	}
}

func TestSourceMasksStrings(t *testing.T) {
	for src, want := range map[string]string{
		`ticker.C`: `ticker.C`,
		`!done(ctx, "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE")`: `!done(ctx, "AKIA…MPLE", "AKIA…MPLE")`,
		`f("x", 1)`: `f("****", 1)`,
	} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := Source(e); got != want {
			t.Errorf("Source(%s) = %q, want %q", src, got, want)
		}
	}
}
