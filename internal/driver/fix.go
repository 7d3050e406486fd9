package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"sort"
	"strconv"

	"github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/go/ast/astutil"
)

// diffContext is the number of unchanged lines around each diff hunk.
const diffContext = 3

// Fixes is what ApplyFixes did.
type Fixes struct {
	// Fixed are the findings whose fix was applied; Left, those without
	// one (or whose fix overlapped one already taken).
	Fixed, Left []Finding
	// Files is the number of files changed.
	Files int
}

// ApplyFixes applies the first suggested fix of every distinct finding
// (all of a fix's edits or none: a fix whose edits overlap an accepted
// one is skipped; an edit identical to an accepted one, such as an import
// two fixes add, is applied once) and prints each fix to report. With diff, the files
// are left alone and the fixes are printed to patch as a unified diff. A
// file that was gofmt-clean is formatted after editing.
func (r *Result) ApplyFixes(patch, report io.Writer, diff bool, relativeTo string) (*Fixes, error) {
	edits := map[string][]Edit{}
	res := &Fixes{}
	r.each(func(f Finding) {
		if len(f.Fixes) == 0 {
			res.Left = append(res.Left, f)
			return
		}
		fix := f.Fixes[0]
		var add []Edit
	edit:
		for _, e := range fix.Edits {
			for _, o := range edits[e.Filename] {
				if e == o {
					continue edit // the same edit (an import two fixes add): once
				}
				if e.Start < o.End && o.Start < e.End || e.Start == o.Start && e.End == o.End {
					res.Left = append(res.Left, f) // overlaps a fix already taken
					return
				}
			}
			add = append(add, e)
		}
		for _, e := range add {
			edits[e.Filename] = append(edits[e.Filename], e)
		}
		res.Fixed = append(res.Fixed, f)
	})

	files := make([]string, 0, len(edits))
	for name := range edits {
		files = append(files, name)
	}
	sort.Strings(files)
	res.Files = len(files)
	for _, name := range files {
		old, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("applying fixes: %w", err)
		}
		updated, err := applyEdits(old, edits[name])
		if err != nil {
			return nil, fmt.Errorf("applying fixes to %s: %w", name, err)
		}
		if pruned, err := removeUnusedImports(updated, r.importNames[name]); err == nil {
			updated = pruned
		}
		if clean, err := format.Source(old); err == nil && bytes.Equal(clean, old) {
			if formatted, err := format.Source(updated); err == nil {
				updated = formatted
			}
		}
		if diff {
			if err := writeDiff(patch, relPath(relativeTo, name), old, updated); err != nil {
				return nil, err
			}
			continue
		}
		st, err := os.Stat(name)
		if err != nil {
			return nil, fmt.Errorf("applying fixes: %w", err)
		}
		if err := os.WriteFile(name, updated, st.Mode().Perm()); err != nil {
			return nil, fmt.Errorf("applying fixes: %w", err)
		}
	}

	verb := "fixed"
	if diff {
		verb = "would fix"
	}
	for _, f := range res.Fixed {
		pos := f.Posn
		pos.Filename = relPath(relativeTo, pos.Filename)
		fmt.Fprintf(report, "%s: %s: %s\n", pos, verb, f.Fixes[0].Message)
	}
	return res, nil
}

// printSummary says how many findings were fixed and lists left, the
// findings a re-run reports (after -fix) or those without an applied fix
// (with -diff, where nothing is re-run).
func (x *Fixes) printSummary(w io.Writer, left []Finding, diff bool, relativeTo string) {
	verb := "fixed"
	if diff {
		verb = "would fix"
	}
	fmt.Fprintf(w, "credlint: %s %d of %d findings in %d files; %d left without an automatic fix\n", verb, len(x.Fixed), len(x.Fixed)+len(x.Left), x.Files, len(left))
	for _, f := range left {
		printPlain(w, f.Posn, f.End, f.Message, -1, relativeTo)
	}
}

// removeUnusedImports removes the imports of names (import path -> the
// name it declares, for the imports the file had before its fixes) that the
// fixed file no longer uses as a qualifier: a fix that replaces
// strings.Contains(err.Error(), ...) leaves "strings" unused. Like x/tools'
// own fix driver, it judges by syntax alone; an import whose name is still
// written as x.Sel anywhere is kept.
func removeUnusedImports(src []byte, names map[string]string) ([]byte, error) {
	if len(names) == 0 {
		return src, nil
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fixed.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					used[id.Name] = true
				}
			}
			return true
		})
	}
	type unused struct{ name, path string }
	var drop []unused
	for _, spec := range file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		explicit := ""
		if spec.Name != nil {
			explicit = spec.Name.Name
		}
		name := cmp.Or(explicit, names[path])
		if name == "" || name == "_" || name == "." || used[name] {
			continue // a new import, a blank or dot import, or still used
		}
		drop = append(drop, unused{explicit, path})
	}
	removed := false
	for _, u := range drop { // not while ranging over file.Imports, which this edits
		removed = astutil.DeleteNamedImport(fset, file, u.name, u.path) || removed
	}
	if !removed {
		return src, nil
	}
	var buf bytes.Buffer
	if err := format.Node(&buf, fset, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// applyEdits applies non-overlapping edits to src (udiff checks them).
func applyEdits(src []byte, edits []Edit) ([]byte, error) {
	es := make([]udiff.Edit, len(edits))
	for i, e := range edits {
		es[i] = udiff.Edit{Start: e.Start, End: e.End, New: e.New}
	}
	return udiff.ApplyBytes(src, es)
}

// writeDiff prints a unified diff of old and updated (diffContext lines
// of context around each hunk), computed by go-udiff, the x/tools diff
// package that gopls uses.
func writeDiff(w io.Writer, name string, old, updated []byte) error {
	edits := udiff.Lines(string(old), string(updated))
	if len(edits) == 0 {
		return nil
	}
	text, err := udiff.ToUnified(name, name, string(old), edits, diffContext)
	if err != nil {
		return fmt.Errorf("diff of %s: %w", name, err)
	}
	_, err = io.WriteString(w, text)
	return err
}
