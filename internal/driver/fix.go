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
	"strings"

	"golang.org/x/tools/go/ast/astutil"
)

// diffContext is the number of unchanged lines around each diff hunk.
const diffContext = 3

// ApplyFixes applies the first suggested fix of every distinct finding
// (all of a fix's edits or none: a fix whose edits overlap an accepted
// one is skipped), and says what it did: each fix applied, then the
// findings left without one. With diff, the files are left alone and the
// fixes are printed to stdout as a unified diff (the report then goes to
// stderr, so that stdout is a patch). A file that was gofmt-clean is
// formatted after editing. It returns the number of findings fixed.
func (r *Result) ApplyFixes(stdout, stderr io.Writer, diff bool, relativeTo string) (int, error) {
	report := stdout
	if diff {
		report = stderr
	}
	edits := map[string][]Edit{}
	var fixed, left []Finding
	r.each(func(f Finding) {
		if len(f.Fixes) == 0 {
			left = append(left, f)
			return
		}
		fix := f.Fixes[0]
		for _, e := range fix.Edits {
			for _, o := range edits[e.Filename] {
				if e.Start < o.End && o.Start < e.End || e.Start == o.Start && e.End == o.End {
					left = append(left, f) // overlaps a fix already taken
					return
				}
			}
		}
		for _, e := range fix.Edits {
			edits[e.Filename] = append(edits[e.Filename], e)
		}
		fixed = append(fixed, f)
	})

	files := make([]string, 0, len(edits))
	for name := range edits {
		files = append(files, name)
	}
	sort.Strings(files)
	for _, name := range files {
		old, err := os.ReadFile(name)
		if err != nil {
			return 0, fmt.Errorf("applying fixes: %w", err)
		}
		es := edits[name]
		sort.Slice(es, func(i, j int) bool { return es[i].Start < es[j].Start })
		updated, err := applyEdits(old, es)
		if err != nil {
			return 0, fmt.Errorf("applying fixes to %s: %w", name, err)
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
			writeDiff(stdout, relPath(relativeTo, name), old, updated)
			continue
		}
		st, err := os.Stat(name)
		if err != nil {
			return 0, fmt.Errorf("applying fixes: %w", err)
		}
		if err := os.WriteFile(name, updated, st.Mode().Perm()); err != nil {
			return 0, fmt.Errorf("applying fixes: %w", err)
		}
	}

	verb := "fixed"
	if diff {
		verb = "would fix"
	}
	for _, f := range fixed {
		pos := f.Posn
		pos.Filename = relPath(relativeTo, pos.Filename)
		fmt.Fprintf(report, "%s: %s: %s\n", pos, verb, f.Fixes[0].Message)
	}
	fmt.Fprintf(report, "credlint: %s %d of %d findings in %d files; %d left without an automatic fix\n", verb, len(fixed), len(fixed)+len(left), len(files), len(left))
	for _, f := range left {
		printPlain(report, f.Posn, f.End, f.Message, -1, relativeTo)
	}
	return len(fixed), nil
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

// applyEdits applies sorted, non-overlapping edits to src.
func applyEdits(src []byte, edits []Edit) ([]byte, error) {
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) out of range or overlapping", e.Start, e.End)
		}
		out.Write(src[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(src[last:])
	return out.Bytes(), nil
}

// writeDiff prints a unified diff of old and updated, one hunk per run of
// changed lines (with diffContext lines around them).
func writeDiff(w io.Writer, name string, old, updated []byte) {
	a, b := splitLines(string(old)), splitLines(string(updated))
	ops := diffLines(a, b)
	// Hunks: runs of changes, merged when fewer than 2*diffContext equal
	// lines separate them.
	type hunk struct{ from, to int } // ops[from:to], context included
	var hunks []hunk
	for i, op := range ops {
		if op.kind == ' ' {
			continue
		}
		from, to := max(i-diffContext, 0), min(i+1+diffContext, len(ops))
		if n := len(hunks); n > 0 && from <= hunks[n-1].to {
			hunks[n-1].to = to
			continue
		}
		hunks = append(hunks, hunk{from, to})
	}
	if len(hunks) == 0 {
		return
	}
	fmt.Fprintf(w, "--- %s\n+++ %s\n", name, name)
	for _, h := range hunks {
		// Line numbers: count the lines of a and b before the hunk.
		la, lb := 0, 0
		for _, op := range ops[:h.from] {
			if op.kind != '+' {
				la++
			}
			if op.kind != '-' {
				lb++
			}
		}
		na, nb := 0, 0
		for _, op := range ops[h.from:h.to] {
			if op.kind != '+' {
				na++
			}
			if op.kind != '-' {
				nb++
			}
		}
		fmt.Fprintf(w, "@@ -%d,%d +%d,%d @@\n", la+1, na, lb+1, nb)
		for _, op := range ops[h.from:h.to] {
			fmt.Fprintf(w, "%c%s", op.kind, op.line)
		}
	}
}

// lineOp is one line of an edit script: ' ' kept, '-' deleted, '+' added.
type lineOp struct {
	kind byte
	line string
}

// diffLines returns a shortest edit script from a to b (Myers' algorithm,
// on what lies between their common prefix and suffix).
func diffLines(a, b []string) []lineOp {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []lineOp
	for _, l := range a[:pre] {
		ops = append(ops, lineOp{' ', l})
	}
	ops = append(ops, myers(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, lineOp{' ', l})
	}
	return ops
}

func myers(a, b []string) []lineOp {
	n, m := len(a), len(b)
	limit := n + m
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int
	end := -1
	for d := 0; d <= limit && end < 0; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				end = d
				break
			}
		}
	}
	var rev []lineOp
	x, y := n, m
	for d := end; d > 0; d-- {
		pv := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || k != d && pv[off+k-1] < pv[off+k+1] {
			prevK = k + 1
		}
		prevX := pv[off+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			rev = append(rev, lineOp{' ', a[x-1]})
			x--
			y--
		}
		if x == prevX {
			rev = append(rev, lineOp{'+', b[y-1]})
			y--
		} else {
			rev = append(rev, lineOp{'-', a[x-1]})
			x--
		}
	}
	for x > 0 && y > 0 {
		rev = append(rev, lineOp{' ', a[x-1]})
		x--
		y--
	}
	ops := make([]lineOp, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}

// splitLines splits s after each newline; a last line without one gets
// one (diff's "no newline at end of file" is not worth the noise here).
func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	} else {
		lines[len(lines)-1] += "\n"
	}
	return lines
}
