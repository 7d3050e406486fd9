package driver

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options configure Run.
type Options struct {
	LoadConfig
	// JSON prints the x/tools JSON tree instead of text.
	JSON bool
	// Context prints that many lines of source around each finding in
	// text mode (-1: none).
	Context int
	// Stdout receives findings; Stderr receives errors.
	Stdout, Stderr io.Writer
}

// Exit statuses of Run.
const (
	ExitClean    = 0 // no findings, no error
	ExitError    = 1 // a package did not load or type-check, or an analysis failed
	ExitFindings = 3 // findings (text mode)
)

// Run loads the packages matching patterns, runs a over them and prints the
// result. It returns the exit status: with JSON, 1 on an error and 0
// otherwise; in text mode, 1 on an error, else 3 with findings, else 0.
func Run(ctx context.Context, a *analysis.Analyzer, opts Options, patterns ...string) int {
	prog, err := Load(ctx, opts.LoadConfig, patterns...)
	if err != nil {
		fmt.Fprintf(opts.Stderr, "credlint: %v\n", err)
		return ExitError
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, prog.Roots, nil)
	if err != nil {
		fmt.Fprintf(opts.Stderr, "credlint: %v\n", err)
		return ExitError
	}
	res := Collect(prog, graph)
	for _, e := range res.Errors {
		fmt.Fprintln(opts.Stderr, e)
	}
	if opts.JSON {
		if err := res.PrintJSON(opts.Stdout, a.Name); err != nil {
			fmt.Fprintf(opts.Stderr, "credlint: %v\n", err)
			return ExitError
		}
	} else {
		res.PrintText(opts.Stdout, opts.Context)
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

// Result is what a run found, ready to print.
type Result struct {
	// Errors are the distinct errors, each said once in user words: a
	// package that does not load or type-check, an analysis that failed.
	Errors []string
	// Packages are the requested packages' results in go list order.
	Packages []PackageResult
	fset     *token.FileSet
}

// PackageResult is one requested package's diagnostics, or its error.
type PackageResult struct {
	ID          string
	Diagnostics []analysis.Diagnostic
	Err         string
}

// Count is the number of distinct findings.
func (r *Result) Count() int {
	n := 0
	r.each(func(analysis.Diagnostic) { n++ })
	return n
}

// Collect gathers the findings of the root actions and the errors of the
// run. A package that does not load or type-check is reported by its own
// errors, once (test variants repeat them); the analyses it then skips,
// and the prerequisites that fail with them, are not errors of their own.
func Collect(prog *Program, graph *checker.Graph) *Result {
	res := &Result{fset: prog.Fset}
	seen := map[string]bool{}
	addErr := func(s string) {
		if !seen[s] {
			seen[s] = true
			res.Errors = append(res.Errors, s)
		}
	}
	// Package errors, in dependency order from each root.
	packages.Visit(prog.Roots, nil, func(p *packages.Package) {
		for _, e := range userErrors(p) {
			addErr(e)
		}
	})
	for _, act := range graph.Roots {
		pr := PackageResult{ID: act.Package.ID}
		if errs := userErrors(act.Package); len(errs) > 0 {
			pr.Err = strings.Join(errs, "\n")
		} else if act.Package.IllTyped {
			pr.Err = act.Package.PkgPath + " not analyzed: a package it imports does not type-check"
			addErr("credlint: " + pr.Err)
		} else if err := rootCause(act); err != nil {
			// Said once per run: a configuration error is the same for
			// every package that reads the file.
			pr.Err = err.Error()
			addErr("credlint: " + pr.Err)
		} else {
			pr.Diagnostics = act.Diagnostics
		}
		res.Packages = append(res.Packages, pr)
	}
	return res
}

// userErrors returns a package's own load errors as "position: message":
// go list's errors if it has any (the type checker would only repeat them
// as failed imports), else its parse and type errors. The compiler output
// that go list -export records for a package that does not compile ("# pkg"
// and the compiler's errors) repeats the type checker's errors: dropped.
func userErrors(p *packages.Package) []string {
	var list, other []string
	for _, e := range p.Errors {
		switch {
		case e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# "):
		case e.Kind == packages.ListError:
			list = append(list, e.Error())
		default:
			other = append(other, e.Error())
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

// each calls f on every distinct diagnostic in order. Diagnostics are
// distinct by position and message: a file of a package and of its test
// variant is analyzed twice.
func (r *Result) each(f func(analysis.Diagnostic)) {
	type key struct {
		pos, end token.Position
		message  string
	}
	seen := map[key]bool{}
	for _, p := range r.Packages {
		for _, d := range p.Diagnostics {
			k := key{r.fset.Position(d.Pos), r.fset.Position(d.End), d.Message}
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
// related positions indented below it.
func (r *Result) PrintText(w io.Writer, contextLines int) {
	r.each(func(d analysis.Diagnostic) {
		r.printPlain(w, d.Pos, d.End, d.Message, contextLines)
		for _, rel := range d.Related {
			r.printPlain(w, rel.Pos, rel.End, "\t"+rel.Message, contextLines)
		}
	})
}

func (r *Result) printPlain(w io.Writer, pos, end token.Pos, message string, contextLines int) {
	posn := r.fset.Position(pos)
	fmt.Fprintf(w, "%s: %s\n", posn, message)
	if contextLines < 0 {
		return
	}
	endPosn := r.fset.Position(end)
	if !endPosn.IsValid() {
		endPosn = posn
	}
	data, _ := os.ReadFile(posn.Filename)
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - contextLines; i <= endPosn.Line+contextLines; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// The JSON tree of x/tools' drivers: package ID -> analyzer name -> a list
// of diagnostics or {"error": "..."}.
type (
	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated      `json:"related,omitempty"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

// PrintJSON prints the x/tools JSON tree (the format of `-json` in every
// go/analysis driver), with every result under the analyzer's name.
func (r *Result) PrintJSON(w io.Writer, name string) error {
	tree := map[string]map[string]any{}
	for _, p := range r.Packages {
		var v any
		switch {
		case p.Err != "":
			v = jsonError{p.Err}
		case len(p.Diagnostics) > 0:
			v = r.jsonDiagnostics(p.Diagnostics)
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

func (r *Result) jsonDiagnostics(diags []analysis.Diagnostic) []jsonDiagnostic {
	pos := func(p token.Pos) string { return r.fset.Position(p).String() }
	out := make([]jsonDiagnostic, 0, len(diags))
	for _, d := range diags {
		jd := jsonDiagnostic{
			Category: d.Category,
			Posn:     pos(d.Pos),
			End:      pos(cmp.Or(d.End, d.Pos)),
			Message:  d.Message,
		}
		for _, fix := range d.SuggestedFixes {
			jf := jsonSuggestedFix{Message: fix.Message}
			for _, e := range fix.TextEdits {
				jf.Edits = append(jf.Edits, jsonTextEdit{
					Filename: r.fset.Position(e.Pos).Filename,
					Start:    r.fset.Position(e.Pos).Offset,
					End:      r.fset.Position(e.End).Offset,
					New:      string(e.NewText),
				})
			}
			jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
		}
		for _, rel := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{Posn: pos(rel.Pos), End: pos(cmp.Or(rel.End, rel.Pos)), Message: rel.Message})
		}
		out = append(out, jd)
	}
	return out
}
