package driver

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/internal/jsontree"
	"github.com/credlint/credlint/passes/srctext"
)

// Options configure Run.
type Options struct {
	LoadConfig
	// JSON prints the x/tools JSON tree instead of text.
	JSON bool
	// Context prints that many lines of source around each finding in
	// text mode (-1: none).
	Context int
	// RelativeTo, if set, is the directory that text output's file names
	// are made relative to (the user's working directory), as go vet and
	// staticcheck print them. JSON keeps absolute names.
	RelativeTo string
	// Fix applies the suggested fixes; with Diff, prints them as a
	// unified diff instead.
	Fix, Diff bool
	// Stdout receives findings; Stderr receives errors.
	Stdout, Stderr io.Writer
}

// analyze loads and analyzes each group of patterns.
func analyze(ctx context.Context, a *analysis.Analyzer, load LoadConfig, groups []Group) *Result {
	res := &Result{}
	for _, g := range groups {
		cfg := load
		cfg.Dir = g.Dir
		prog, err := Load(ctx, cfg, g.Patterns...)
		if err != nil {
			res.addErr(fmt.Sprintf("credlint: %v", err))
			continue
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, prog.Roots, nil)
		if err != nil {
			res.addErr(fmt.Sprintf("credlint: %v", err))
			continue
		}
		res.collect(prog, graph)
	}
	return res
}

// Exit statuses of Run.
const (
	ExitClean    = 0 // no findings, no error
	ExitError    = 1 // a package did not load or type-check, or an analysis failed
	ExitFindings = 3 // findings (text mode), or findings left without a fix (-fix)
)

// Run loads the packages matching patterns, runs a over them and prints the
// result. Patterns of directories in other modules (a monorepo's
// ./svc/...) are run in their own module. It returns the exit status:
// with JSON, 1 on an error and 0 otherwise; in text mode, 1 on an error,
// else 3 with findings, else 0; with Fix, 1 on an error, else 3 when
// findings are left without a fix, else 0.
func Run(ctx context.Context, a *analysis.Analyzer, opts Options, patterns ...string) int {
	groups, err := Groups(opts.Dir, opts.Env, patterns)
	if err != nil {
		fmt.Fprintf(opts.Stderr, "credlint: %v\n", err)
		return ExitError
	}
	res := analyze(ctx, a, opts.LoadConfig, groups)
	for _, e := range res.Errors {
		fmt.Fprintln(opts.Stderr, e)
	}
	switch {
	case opts.Fix:
		report := opts.Stdout
		if opts.Diff {
			report = opts.Stderr
		}
		fixes, err := res.ApplyFixes(opts.Stdout, report, opts.Diff, opts.RelativeTo)
		if err != nil {
			fmt.Fprintf(opts.Stderr, "credlint: %v\n", err)
			return ExitError
		}
		if len(res.Errors) > 0 {
			return ExitError
		}
		left := fixes.Left
		if !opts.Diff && len(fixes.Fixed) > 0 {
			// What a re-run finds: a fix can silence other findings (a
			// client built on the credentials it fixed) as well as its own.
			again := analyze(ctx, a, opts.LoadConfig, groups)
			for _, e := range again.Errors {
				fmt.Fprintln(opts.Stderr, e)
			}
			if len(again.Errors) > 0 {
				fmt.Fprintln(opts.Stderr, "credlint: the fixed packages no longer load or type-check")
				return ExitError
			}
			left = nil
			again.each(func(f Finding) { left = append(left, f) })
		}
		fixes.printSummary(report, left, opts.Diff, opts.RelativeTo)
		if len(left) > 0 {
			return ExitFindings
		}
		return ExitClean
	case opts.JSON:
		if err := res.PrintJSON(opts.Stdout, a.Name); err != nil {
			fmt.Fprintf(opts.Stderr, "credlint: %v\n", err)
			return ExitError
		}
	default:
		res.PrintText(opts.Stdout, opts.Context, opts.RelativeTo)
	}
	switch {
	case len(res.Errors) > 0:
		return ExitError
	case opts.JSON:
		return ExitClean
	case res.Count() > 0:
		return ExitFindings
	}
	return ExitClean
}

// A Finding is a diagnostic with its positions resolved (results of
// several loads, each with its own FileSet, print together).
type Finding struct {
	Posn, End token.Position
	Category  string
	Message   string
	Related   []Related
	Fixes     []Fix
}

// Related is a secondary position of a finding.
type Related struct {
	Posn, End token.Position
	Message   string
}

// Fix is a suggested fix: edits that apply together or not at all.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the bytes [Start, End) of a file with New.
type Edit struct {
	Filename   string
	Start, End int
	New        string
}

// Result is what a run found, ready to print.
type Result struct {
	// Errors are the distinct errors, each said once in user words: a
	// package that does not load or type-check, an analysis that failed.
	Errors []string
	// Packages are the requested packages' results in go list order.
	Packages []PackageResult
	seenErr  map[string]bool
	// importNames maps each analyzed file to the names its imports
	// declare (import path -> name), for removing imports a fix leaves
	// unused.
	importNames map[string]map[string]string
}

// PackageResult is one requested package's findings, or its error.
type PackageResult struct {
	ID       string
	Findings []Finding
	Err      string
}

func (r *Result) addErr(s string) {
	if r.seenErr == nil {
		r.seenErr = map[string]bool{}
	}
	if !r.seenErr[s] {
		r.seenErr[s] = true
		r.Errors = append(r.Errors, s)
	}
}

// Count is the number of distinct findings.
func (r *Result) Count() int {
	n := 0
	r.each(func(Finding) { n++ })
	return n
}

// Collect gathers the findings of the root actions of one load and the
// errors of the run (see collect).
func Collect(prog *Program, graph *checker.Graph) *Result {
	res := &Result{}
	res.collect(prog, graph)
	return res
}

// collect adds the findings and errors of one load. A package that does
// not load or type-check is reported by its own errors, once (test variants
// repeat them); the analyses it then skips, and the prerequisites that fail
// with them, are not errors of their own.
func (r *Result) collect(prog *Program, graph *checker.Graph) {
	// Errors of dependencies outside the source set and compilers'
	// errors, then the source packages' errors, in dependency order from
	// each root.
	for _, e := range prog.Errors {
		r.addErr(e)
	}
	packages.Visit(prog.Roots, nil, func(p *packages.Package) {
		for _, e := range userErrors(p) {
			r.addErr(e)
		}
	})
	results := make(map[string]PackageResult, len(graph.Roots))
	for _, act := range graph.Roots {
		pr := PackageResult{ID: act.Package.ID}
		if errs := userErrors(act.Package); len(errs) > 0 {
			pr.Err = strings.Join(errs, "\n")
		} else if act.Package.IllTyped {
			pr.Err = act.Package.PkgPath + " not analyzed: a package it imports does not type-check"
			r.addErr("credlint: " + pr.Err)
		} else {
			if err := rootCause(act); err != nil {
				// Said once per run: a configuration error is the same
				// for every package that reads the file.
				pr.Err = err.Error()
				r.addErr("credlint: " + pr.Err)
			}
			// A root that fails after reporting (one rule failed, see
			// analyzers/rule) keeps the other rules' findings.
			for _, d := range act.Diagnostics {
				pr.Findings = append(pr.Findings, resolve(prog.Fset, d))
			}
			if len(act.Diagnostics) > 0 {
				r.recordImports(act.Package)
			}
		}
		results[pr.ID] = pr
		if own := prog.StandsIn[pr.ID]; own != nil {
			// The variant was analyzed in place of the package: the
			// package lists the findings in its own files, as if it had
			// been analyzed too.
			op := PackageResult{ID: own.ID}
			for _, f := range pr.Findings {
				if !strings.HasSuffix(f.Posn.Filename, "_test.go") {
					op.Findings = append(op.Findings, f)
				}
			}
			results[op.ID] = op
		}
	}
	// In go list's order.
	for _, id := range prog.Listed {
		if pr, ok := results[id]; ok {
			r.Packages = append(r.Packages, pr)
		}
	}
}

func (r *Result) recordImports(p *packages.Package) {
	if r.importNames == nil {
		r.importNames = map[string]map[string]string{}
	}
	for _, f := range p.Syntax {
		names := map[string]string{}
		for _, spec := range f.Imports {
			if pn := p.TypesInfo.PkgNameOf(spec); pn != nil {
				names[pn.Imported().Path()] = pn.Imported().Name()
			}
		}
		r.importNames[p.Fset.File(f.Pos()).Name()] = names
	}
}

func resolve(fset *token.FileSet, d analysis.Diagnostic) Finding {
	f := Finding{
		Posn:     fset.Position(d.Pos),
		End:      fset.Position(cmp.Or(d.End, d.Pos)),
		Category: d.Category,
		Message:  d.Message,
	}
	for _, rel := range d.Related {
		f.Related = append(f.Related, Related{fset.Position(rel.Pos), fset.Position(cmp.Or(rel.End, rel.Pos)), rel.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			start, end := fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos))
			fix.Edits = append(fix.Edits, Edit{start.Filename, start.Offset, end.Offset, string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
	}
	return f
}

// userErrors returns a package's own load errors as "position: message":
// go list's errors if it has any (the type checker would only repeat them
// as failed imports), else its parse and type errors. The compiler output
// that go list -export records for a package that does not compile ("# pkg"
// and the compiler's errors) is not among them: Load says it once, in
// Program.Errors, and the package is analyzed if it type-checks.
func userErrors(p *packages.Package) []string {
	var list, other []string
	for _, e := range p.Errors {
		text := e.Msg
		if e.Pos != "" && e.Pos != "-" {
			text = e.Pos + ": " + e.Msg
		}
		switch {
		case e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# "):
		case e.Kind == packages.ListError:
			list = append(list, text)
		default:
			other = append(other, text)
		}
	}
	if len(list) > 0 {
		return list
	}
	return other
}

// rootCause returns the error of the first failed action under act whose
// own prerequisites succeeded: the error that caused the others
// ("failed prerequisites: ..."), without the analyzer's internal name.
func rootCause(act *checker.Action) error {
	if act.Err == nil {
		return nil
	}
	for _, dep := range act.Deps {
		if err := rootCause(dep); err != nil {
			return err
		}
	}
	return act.Err
}

// each calls f on every distinct finding in order. Findings are distinct
// by position and message: a file of a package and of its test variant is
// analyzed twice.
func (r *Result) each(f func(Finding)) {
	seen := map[findingID]bool{}
	for _, p := range r.Packages {
		for _, d := range p.Findings {
			k := findingKey(d)
			if seen[k] {
				continue
			}
			seen[k] = true
			f(d)
		}
	}
}

// PrintText prints each finding as "file:line:col: message", with
// contextLines lines of source around it when contextLines >= 0, and its
// related positions indented below it. File names are relative to
// relativeTo when they lie below it.
func (r *Result) PrintText(w io.Writer, contextLines int, relativeTo string) {
	r.each(func(d Finding) {
		printPlain(w, d.Posn, d.End, d.Message, contextLines, relativeTo)
		for _, rel := range d.Related {
			printPlain(w, rel.Posn, rel.End, "\t"+rel.Message, contextLines, relativeTo)
		}
	})
}

func printPlain(w io.Writer, posn, end token.Position, message string, contextLines int, relativeTo string) {
	shown := posn
	shown.Filename = relPath(relativeTo, posn.Filename)
	fmt.Fprintf(w, "%s: %s\n", shown, message)
	if contextLines < 0 {
		return
	}
	if !end.IsValid() {
		end = posn
	}
	data, _ := os.ReadFile(posn.Filename)
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - contextLines; i <= end.Line+contextLines; i++ {
		if 1 <= i && i <= len(lines) {
			// Keys in the source are masked as in messages.
			fmt.Fprintf(w, "%d\t%s\n", i, srctext.MaskLine(lines[i-1]))
		}
	}
}

// relPath returns name relative to dir when it lies below dir, else name.
func relPath(dir, name string) string {
	if dir == "" || name == "" {
		return name
	}
	rel, err := filepath.Rel(dir, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return name
	}
	return rel
}

// PrintJSON prints the x/tools JSON tree (the format of `-json` in every
// go/analysis driver), with every result under the analyzer's name. A
// finding is listed once: a file of a package and of its test variant
// ("p" and "p [p.test]") is analyzed twice, and the finding is kept under
// the package's own ID; one in a _test.go file alone under its variant's.
func (r *Result) PrintJSON(w io.Writer, name string) error {
	owners := r.jsonOwners()
	tree := map[string]map[string]any{}
	for _, p := range r.Packages {
		var v any
		var own []Finding
		for _, d := range p.Findings {
			if owners[findingKey(d)] == p.ID {
				own = append(own, d)
			}
		}
		switch {
		case p.Err != "":
			v = jsontree.Error{Err: p.Err}
		case len(own) > 0:
			v = jsonDiagnostics(own)
		default:
			continue
		}
		tree[p.ID] = map[string]any{name: v}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// findingID identifies a finding across the packages that report it.
type findingID struct {
	pos, end token.Position
	message  string
}

func findingKey(d Finding) findingID { return findingID{d.Posn, d.End, d.Message} }

// jsonOwners returns, for each distinct finding, the ID of the package
// whose JSON entry lists it: the first package without an error that
// reports it and is not a test variant (its ID has no " [p.test]"), else
// the first variant without an error that reports it.
func (r *Result) jsonOwners() map[findingID]string {
	owners := map[findingID]string{}
	for _, variants := range []bool{false, true} {
		for _, p := range r.Packages {
			if strings.Contains(p.ID, " [") != variants || p.Err != "" {
				continue // a package whose entry is its error lists no findings
			}
			for _, d := range p.Findings {
				if _, ok := owners[findingKey(d)]; !ok {
					owners[findingKey(d)] = p.ID
				}
			}
		}
	}
	return owners
}

func jsonDiagnostics(findings []Finding) []jsontree.Diagnostic {
	out := make([]jsontree.Diagnostic, 0, len(findings))
	for _, d := range findings {
		jd := jsontree.Diagnostic{
			Category: d.Category,
			Posn:     d.Posn.String(),
			End:      d.End.String(),
			Message:  d.Message,
		}
		for _, fix := range d.Fixes {
			jf := jsontree.SuggestedFix{Message: fix.Message}
			for _, e := range fix.Edits {
				jf.Edits = append(jf.Edits, jsontree.TextEdit(e))
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, rel := range d.Related {
			jd.Related = append(jd.Related, jsontree.Related{Posn: rel.Posn.String(), End: rel.End.String(), Message: rel.Message})
		}
		out = append(out, jd)
	}
	return out
}
