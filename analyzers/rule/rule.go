// Package rule is the harness every credlint rule is built with.
//
// A rule is a package under analyzers/ with a doc.go (its package comment,
// with an "# Analyzer <rule>" section whose first line is "<rule>: summary")
// and a run function over a *Pass. New builds the rule's
// *analysis.Analyzer from them: its Doc from doc.go (as the x/tools passes
// do), its URL (docs/rules/<rule>.md), its prerequisites, and a Run that
// does the shared preamble once — the package cannot reach an AWS SDK: no
// findings; the results of passes/sdk, config and passes/credflow cast —
// and turns a panic of the rule into an error that names the rule and the
// position (go.uber.org/nilaway's WrapRun is the model). The error travels
// in the rule's Result, not as the analyzer's error: the rule's action
// succeeds, so the other rules, and this rule in the packages that import
// this one, still run; the root analyzer reports their findings and then
// fails with the error. One rule's bug is a one-line error, not a crash of
// the whole run nor the loss of every finding downstream.
package rule

import (
	"fmt"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/sdk"
)

// DocURL is where each rule's documentation lives; a rule's page is
// URL(name).
const DocURL = "https://github.com/credlint/credlint/blob/main/docs/rules/"

// URL is the documentation page of the rule name: docs/rules/<name>.md.
func URL(name string) string { return DocURL + name + ".md" }

// Rule describes one rule to New.
type Rule struct {
	// Name is the rule's name: its Category, the prefix of its messages,
	// its config key and the name of its page in docs/rules.
	Name string
	// Doc is the content of the rule package's doc.go (//go:embed doc.go).
	Doc string
	// EnvOnly runs the rule also in packages that reach no AWS SDK but
	// touch AWS credential environment variables (sdk.Reach.EnvOnly).
	EnvOnly bool
	// Flow makes passes/credflow a prerequisite: Pass.Flow is set.
	Flow bool
	// FactTypes are the rule's fact types.
	FactTypes []analysis.Fact
	// Run computes the rule's findings in one package.
	Run func(*Pass) (finding.List, error)
}

// Pass is what a rule's Run gets: the analysis pass and the results every
// rule uses.
type Pass struct {
	*analysis.Pass
	Reach  *sdk.Reach
	Config *config.Config
	// Flow is the provenance of credential values; nil unless Rule.Flow.
	Flow *credflow.Flow
}

// Result is the Result of every rule analyzer: its findings, or the error
// that stopped it (a panic, or an error of its Run).
type Result struct {
	Findings finding.List
	Err      error
}

// New builds the analyzer of r. It panics if r.Doc has no
// "# Analyzer <name>" section: a programming error, caught by every test.
func New(r Rule) *analysis.Analyzer {
	requires := []*analysis.Analyzer{sdk.Analyzer, config.Analyzer}
	if r.Flow {
		requires = append(requires, credflow.Analyzer)
	}
	a := &analysis.Analyzer{
		Name:       r.Name,
		Doc:        MustExtractDoc(r.Doc, r.Name),
		URL:        URL(r.Name),
		Requires:   requires,
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  r.FactTypes,
	}
	a.Run = func(pass *analysis.Pass) (any, error) { return run(r, pass) }
	return a
}

// run never returns an error to the driver: see the package comment.
func run(r Rule, pass *analysis.Pass) (result any, _ error) {
	res := &Result{}
	defer func() {
		if v := recover(); v != nil {
			res.Findings, res.Err = nil, panicError(r.Name, pass, v)
			result = res
		}
	}()
	reach := pass.ResultOf[sdk.Analyzer].(*sdk.Reach)
	if !reach.Relevant() && !(r.EnvOnly && reach.EnvOnly()) {
		return res, nil
	}
	p := &Pass{
		Pass:   pass,
		Reach:  reach,
		Config: pass.ResultOf[config.Analyzer].(*config.Config),
	}
	if r.Flow {
		p.Flow = pass.ResultOf[credflow.Analyzer].(*credflow.Flow)
	}
	out, err := r.Run(p)
	if err != nil {
		res.Err = fmt.Errorf("rule %s: %w", r.Name, err)
		return res, nil
	}
	res.Findings = out
	return res, nil
}

// panicError is the error a panic v of rule becomes: the rule, the package
// it was analyzing, the panic value and the position in credlint's source
// where it happened, in words a user can paste into a bug report.
func panicError(rule string, pass *analysis.Pass, v any) error {
	where := ""
	if file, line, ok := panicSite(); ok {
		where = fmt.Sprintf(" at %s:%d", file, line)
	}
	return fmt.Errorf("internal error: rule %s failed on package %s: %v%s (a credlint bug: please report it; //credlint:ignore cannot help, disable the rule in .credlint.toml to go on)",
		rule, pass.Pkg.Path(), v, where)
}

// panicSite is the position of the panicking statement: the first frame
// below runtime.gopanic that is not in package runtime, as
// "<dir>/<file>.go" (its directory and base name, stable across machines).
func panicSite() (file string, line int, ok bool) {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	inPanic := false
	for {
		fr, more := frames.Next()
		switch {
		case fr.Function == "runtime.gopanic":
			inPanic = true
		case inPanic && !strings.HasPrefix(fr.Function, "runtime."):
			return filepath.Join(filepath.Base(filepath.Dir(fr.File)), filepath.Base(fr.File)), fr.Line, true
		}
		if !more {
			return "", 0, false
		}
	}
}

// MustExtractDoc returns the "# Analyzer name" section of the package
// comment in content (a doc.go file), without the heading and without the
// "name: " before its summary line: the form analysis.Analyzer.Doc
// expects, as golang.org/x/tools/internal/analysis/analyzerutil does for
// the x/tools passes. It panics if there is no such section.
func MustExtractDoc(content, name string) string {
	doc, err := ExtractDoc(content, name)
	if err != nil {
		panic(fmt.Sprintf("rule %s: doc.go: %v", name, err))
	}
	return doc
}

// ExtractDoc is MustExtractDoc returning an error.
func ExtractDoc(content, name string) (string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", content, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil {
		return "", err
	}
	if f.Doc == nil {
		return "", fmt.Errorf("no package comment")
	}
	for section := range strings.SplitSeq(f.Doc.Text(), "\n# ") {
		body, ok := strings.CutPrefix(section, "Analyzer "+name+"\n")
		if !ok {
			continue
		}
		body = strings.TrimSpace(body)
		rest, ok := strings.CutPrefix(body, name+":")
		if !ok {
			return "", fmt.Errorf("'Analyzer %s' heading not followed by a '%s: summary' line", name, name)
		}
		return strings.TrimSpace(rest), nil
	}
	return "", fmt.Errorf("package comment has no '# Analyzer %s' section", name)
}

// Summary is the first line of a rule's Doc.
func Summary(doc string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(doc), "\n")
	return line
}
