package sdk

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestMentionsCredentialVars(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{`package p; import "os"; func f(v string) { os.Setenv("AWS_SECRET_ACCESS_KEY", v) }`, true},
		{`package p; import "os/exec"; func f(c *exec.Cmd, v string) { c.Env = []string{"AWS_SESSION_TOKEN=" + v} }`, true},
		{`package p; import "os"; func f() { os.Setenv("AWS_REGION", "x") }`, false},
		{`package p; const k = "AWS_ACCESS_KEY_ID"`, false}, // no os, os/exec or syscall
		{`package p; import "os"; var _ = os.Args`, false},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", c.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := mentionsCredentialVars([]*ast.File{f}); got != c.want {
			t.Errorf("%s: got %v, want %v", c.src, got, c.want)
		}
	}
}
