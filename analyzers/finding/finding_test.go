package finding

import (
	"go/token"
	"testing"
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
