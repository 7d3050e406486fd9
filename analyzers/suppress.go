package analyzers

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/config"
)

// directiveCategory is the Category of diagnostics about suppression
// comments themselves.
const directiveCategory = "credlint"

// directive is one suppression comment. A trailing comment applies to
// findings that start on its own line; a comment alone on its line applies
// to the next line.
type directive struct {
	pos      token.Pos
	end      token.Pos
	at       finding.Line
	trailing bool
	rules    []string // rule names; empty means every rule
	reason   string
	ignore   bool // //credlint:ignore (checked for use and reason), not //nolint
	bad      string
	used     bool
}

type directives []*directive

// parseDirectives collects //credlint:ignore and //nolint comments of the
// package's files that are not skipped anyway.
func parseDirectives(pass *analysis.Pass, cfg *config.Config, skip func(string) bool) directives {
	var ds directives
	for _, f := range pass.Files {
		filename := pass.Fset.File(f.Pos()).Name()
		if skip(filename) {
			continue
		}
		var inFile directives
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if d := parseDirective(c.Text); d != nil {
					d.pos, d.end = c.Pos(), c.End()
					d.at = finding.LineOf(pass.Fset, c.Pos())
					inFile = append(inFile, d)
				}
			}
		}
		if len(inFile) > 0 {
			markTrailing(pass.Fset, f, inFile)
			ds = append(ds, inFile...)
		}
	}
	return ds
}

// markTrailing marks the directives that follow code on their line.
func markTrailing(fset *token.FileSet, f *ast.File, ds directives) {
	byLine := map[int][]*directive{}
	for _, d := range ds {
		byLine[d.at.Line] = append(byLine[d.at.Line], d)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.CommentGroup); ok {
			return false
		}
		line := fset.Position(n.Pos()).Line
		for _, d := range byLine[line] {
			if n.Pos() < d.pos {
				d.trailing = true
			}
		}
		return true
	})
}

func parseDirective(text string) *directive {
	// "// credlint:ignore" (a space after the slashes, as gofmt-minded
	// writers type it) is the same directive, not a comment that silently
	// does nothing.
	if rest, ok := strings.CutPrefix(text, "//"); ok && strings.HasPrefix(strings.TrimLeft(rest, " \t"), "credlint:ignore") {
		text = "//" + strings.TrimLeft(rest, " \t")
	}
	switch {
	case strings.HasPrefix(text, "//credlint:ignore"):
		rest := strings.TrimPrefix(text, "//credlint:ignore")
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
			return nil
		}
		fields := strings.Fields(rest)
		d := &directive{ignore: true}
		if len(fields) == 0 {
			d.bad = "//credlint:ignore needs a rule and a reason: //credlint:ignore <rule> <reason>"
			return d
		}
		for _, r := range strings.Split(fields[0], ",") {
			if !slices.Contains(config.Rules, r) {
				d.bad = fmt.Sprintf("//credlint:ignore names unknown rule %q (rules: %s)", r, strings.Join(config.Rules, ", "))
				return d
			}
			d.rules = append(d.rules, r)
		}
		// The reason follows the rule, optionally after "//" as with //nolint.
		d.reason = strings.TrimSpace(strings.TrimPrefix(strings.Join(fields[1:], " "), "//"))
		return d
	case strings.HasPrefix(text, "//nolint"):
		rest := strings.TrimPrefix(text, "//nolint")
		if rest == "" || rest[0] == ' ' {
			return &directive{} // bare //nolint: every linter
		}
		if rest[0] != ':' {
			return nil
		}
		list, _, _ := strings.Cut(rest[1:], " ")
		d := &directive{}
		for _, item := range strings.Split(list, ",") {
			item = strings.TrimSpace(item)
			switch {
			case item == "credlint" || item == "all":
				return &directive{}
			case strings.HasPrefix(item, "credlint:"):
				d.rules = append(d.rules, strings.TrimPrefix(item, "credlint:"))
			}
		}
		if len(d.rules) == 0 {
			return nil
		}
		return d
	}
	return nil
}

func (d *directive) covers(rule string, at finding.Line) bool {
	want := d.at.Line + 1
	if d.trailing {
		want = d.at.Line
	}
	if d.at.File != at.File || at.Line != want {
		return false
	}
	return len(d.rules) == 0 || slices.Contains(d.rules, rule)
}

// suppress drops the findings a directive covers and marks it used.
func (ds directives) suppress(fset *token.FileSet, diags []diag) []diag {
	if len(ds) == 0 {
		return diags
	}
	kept := diags[:0]
	for _, dg := range diags {
		at := finding.LineOf(fset, dg.Pos)
		covered := false
		for _, d := range ds {
			if d.bad == "" && d.covers(dg.rule, at) {
				d.used = true
				covered = true
			}
		}
		if !covered {
			kept = append(kept, dg)
		}
	}
	return kept
}

// problems reports malformed //credlint:ignore comments, ignores without a
// reason, and ignores that suppress nothing (for enabled rules only).
// ran reports whether a rule ran (enabled, and did not fail): an ignore
// of a rule that did not run cannot be known to suppress nothing.
func (ds directives) problems(ran func(rule string) bool) []diag {
	var out []diag
	report := func(d *directive, msg string) {
		out = append(out, diag{directiveCategory, finding.Finding{Pos: d.pos, End: d.end, Message: msg}})
	}
	for _, d := range ds {
		if !d.ignore {
			continue
		}
		switch {
		case d.bad != "":
			report(d, d.bad)
		case d.reason == "":
			report(d, fmt.Sprintf("//credlint:ignore %s needs a reason after the rule name, e.g. //credlint:ignore %s <why this is safe>", strings.Join(d.rules, ","), d.rules[0]))
		case !d.used && slices.ContainsFunc(d.rules, ran):
			report(d, fmt.Sprintf("//credlint:ignore %s suppresses nothing on this line or the next; remove it", strings.Join(d.rules, ",")))
		}
	}
	return out
}
