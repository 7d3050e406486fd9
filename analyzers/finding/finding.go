// Package finding is the result type every credlint rule returns. Rules do
// not report diagnostics themselves: the root analyzer (package analyzers)
// applies configuration and suppression to their findings and reports them,
// since drivers print only a root analyzer's diagnostics.
package finding

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

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

// List is the Result of every rule analyzer.
type List []Finding

// ResultType is the analysis.Analyzer.ResultType of every rule.
var ResultType = reflect.TypeFor[List]()

// Where formats pos as "path/to/file.go:line", the file's path relative
// to the root of its module (the nearest directory above it with a
// go.mod), so that a position quoted in a message names a real file. A
// file outside any module is named by its directory and base name.
func Where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", RelPath(p.Filename), p.Line)
}

// RelPath returns filename relative to the root of its module, with
// forward slashes, or its directory and base name when no go.mod is
// found above it.
func RelPath(filename string) string {
	if filename == "" {
		return ""
	}
	dir := filepath.Dir(filename)
	if root, ok := moduleRoot(dir); ok {
		if rel, err := filepath.Rel(root, filename); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Join(filepath.Base(dir), filepath.Base(filename)))
}

// roots caches moduleRoot by directory: the answer depends only on the
// file system, and a message quotes few positions.
var roots sync.Map // string -> string ("" when none)

// moduleRoot returns the nearest directory at or above dir that holds a
// go.mod.
func moduleRoot(dir string) (string, bool) {
	if !filepath.IsAbs(dir) {
		return "", false
	}
	if r, ok := roots.Load(dir); ok {
		return r.(string), r.(string) != ""
	}
	root := ""
	for d := dir; ; {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	roots.Store(dir, root)
	return root, root != ""
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
