package finding

import (
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/credlint/credlint/passes/srctext"
)

// TestComparePosIgnoresFileSetOrder: b.go was added to the FileSet before
// a.go (as a concurrent parse may do), yet a.go's positions sort first.
func TestComparePosIgnoresFileSetOrder(t *testing.T) {
	fset := token.NewFileSet()
	b := fset.AddFile("/src/p/b.go", -1, 100)
	a := fset.AddFile("/src/p/a.go", -1, 100)
	b.SetLinesForContent(make([]byte, 100))
	a.SetLinesForContent(make([]byte, 100))
	if a.Pos(0) < b.Pos(0) {
		t.Fatal("test setup: a.go must have the higher base")
	}
	for _, tc := range []struct {
		x, y token.Pos
		want int
	}{
		{a.Pos(50), b.Pos(10), -1},
		{b.Pos(10), a.Pos(50), 1},
		{a.Pos(10), a.Pos(50), -1},
		{b.Pos(7), b.Pos(7), 0},
	} {
		got := ComparePos(fset, tc.x, tc.y)
		if sign(got) != tc.want {
			t.Errorf("ComparePos(%v, %v) = %d, want sign %d", fset.Position(tc.x), fset.Position(tc.y), got, tc.want)
		}
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

// TestWhereFromModuleRoot: a position (srctext.Where) is named by its path from the
// nearest go.mod above it, never by a shortened dir/file.
func TestWhereFromModuleRoot(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "internal", "store"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f := fset.AddFile(filepath.Join(root, "internal", "store", "store.go"), -1, 100)
	f.SetLinesForContent([]byte(strings.Repeat("x\n", 50)))
	pos := f.LineStart(40)
	if got := srctext.Where(fset, pos); got != "internal/store/store.go:40" {
		t.Errorf("Where = %q, want internal/store/store.go:40", got)
	}
	if got, ok := Resolve(fset, "internal/store/store.go:40"); !ok || got != pos {
		t.Errorf("Resolve = %v, %v; want %v", got, ok, pos)
	}
	msg := "v.X freezes a snapshot (cfg.Credentials.Retrieve(ctx) at internal/store/store.go:40): it expires"
	steps := Steps(fset, msg, nil)
	if len(steps) != 1 || steps[0].Pos != pos || steps[0].Message != "cfg.Credentials.Retrieve(ctx)" {
		t.Errorf("Steps = %+v", steps)
	}
	if steps := Steps(fset, msg, steps); len(steps) != 0 {
		t.Errorf("Steps repeats a related position it was given: %+v", steps)
	}
	msg = "awsx.NoRetries returns aws.NopRetryer (internal/store/store.go:40), which disables retries"
	if steps := Steps(fset, msg, nil); len(steps) != 1 || steps[0].Message != "awsx.NoRetries returns aws.NopRetryer" {
		t.Errorf("Steps = %+v", steps)
	}
}

func TestClip(t *testing.T) {
	if got := Clip("cfg.Credentials.Retrieve(ctx)", 20); got != "cfg.Credentials.…" {
		t.Errorf("Clip = %q: a word cut", got)
	}
	if got := ClipList("AAAA, BBBB, CCCC", 12); got != "AAAA, …" {
		t.Errorf("ClipList = %q", got)
	}
}

func TestClauseOfClippedCall(t *testing.T) {
	msg := "x freezes STS credentials (client.AssumeRole(&stsv… at a/b.go:40): they expire"
	i := strings.Index(msg, "a/b.go:40")
	if got := clause(msg, i, i+len("a/b.go:40")); got != "client.AssumeRole(&stsv…" {
		t.Errorf("clause = %q, want the clipped call", got)
	}
}
