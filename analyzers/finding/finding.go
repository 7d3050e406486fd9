// Package finding is the result type every credlint rule returns. Rules do
// not report diagnostics themselves: the root analyzer (package analyzers)
// applies configuration and suppression to their findings and reports them,
// since drivers print only a root analyzer's diagnostics.
package finding

import (
	"fmt"
	"go/token"
	"go/types"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/sdk"
)

// Finding is one problem a rule found.
type Finding struct {
	Pos, End token.Pos
	// Message is the text after "<rule>: ". It must never contain a secret.
	Message        string
	SuggestedFixes []analysis.SuggestedFix
	Related        []analysis.RelatedInformation
}

// List is what a rule's run returns (package rule wraps it in the rule's
// Result).
type List []Finding

// Where formats pos as "dir/file.go:line" (the file's directory name and
// base name), short enough for a message and stable across machines.
func Where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", filepath.Join(filepath.Base(filepath.Dir(p.Filename)), filepath.Base(p.Filename)), p.Line)
}

// ComparePos orders two positions by file name, then offset. Comparing
// token.Pos values across files is not stable: the loader parses a
// package's files concurrently, so the order of their bases in the
// FileSet changes from run to run.
func ComparePos(fset *token.FileSet, a, b token.Pos) int {
	pa, pb := fset.Position(a), fset.Position(b)
	if pa.Filename != pb.Filename {
		return strings.Compare(pa.Filename, pb.Filename)
	}
	return pa.Offset - pb.Offset
}

// FuncName names a function in a message: "pkg.Func" or "pkg.Type.Method".
func FuncName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n := sdk.NamedOf(sig.Recv().Type()); n != nil {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
