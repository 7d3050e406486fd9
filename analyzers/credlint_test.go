package analyzers_test

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/internal/fixtures"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestRoot checks the root analyzer's filtering: excluded paths, _test.go
// files (off and on), generated files, packages that reach no SDK, and
// position order.
func TestRoot(t *testing.T) {
	results := fixtures.Run(t, analyzers.Analyzer, "./src/root/...")
	for _, r := range results {
		if !slices.IsSortedFunc(r.Diagnostics, func(a, b analysis.Diagnostic) int { return int(a.Pos - b.Pos) }) {
			t.Errorf("%s: diagnostics not in position order", r.Action)
		}
		for _, d := range r.Diagnostics {
			if d.Category == "" || d.Message[:len(d.Category)+2] != d.Category+": " {
				t.Errorf("diagnostic %q: category %q is not its message prefix", d.Message, d.Category)
			}
		}
	}
}

// TestRuleNames keeps config.Rules (which the config validates against) and
// the registered rule analyzers in step.
func TestRuleNames(t *testing.T) {
	for _, a := range analyzers.Rules {
		if !slices.Contains(config.Rules, a.Name) {
			t.Errorf("rule analyzer %q is not in config.Rules", a.Name)
		}
		if a.ResultType == nil || a.Doc == "" || a.URL == "" {
			t.Errorf("rule analyzer %q lacks a ResultType, Doc or URL", a.Name)
		}
	}
	if err := analysis.Validate([]*analysis.Analyzer{analyzers.Analyzer}); err != nil {
		t.Fatal(err)
	}
}
