package staticcreds_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/internal/fixtures"
	"github.com/credlint/credlint/passes/credflow"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestStaticcreds runs credlint on the staticcreds fixtures (their
// .credlint.toml enables only staticcreds) against the real SDKs.
func TestStaticcreds(t *testing.T) {
	fixtures.Run(t, analyzers.Analyzer, "./src/staticcreds/...")
}

// TestFacts checks the credflow facts that carry provenance across
// packages (awsx's constructors, used from crosspkg).
func TestFacts(t *testing.T) {
	fixtures.RunFacts(t, credflow.Analyzer, "./src/staticcreds/awsx", "./src/staticcreds/crosspkg")
}

// TestSuggestedFixes checks the fixes that remove a static provider built
// from the default chain's own variables, those that replace a snapshot's
// static provider with the provider it was taken from, and those that
// remove the os.Setenv calls, child environment entries and container
// environment pairs of a key set.
func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(), analyzers.Analyzer, "./src/staticcreds/fix", "./src/staticcreds/snapfix",
		"./src/staticcreds/setenv", "./src/staticcreds/handoff", "./src/staticcreds/bootstrap", "./src/staticcreds/secrets")
}

// TestOneFindingPerKeySet checks that the os.Setenv calls of one key set,
// the entries of one child environment and the pairs of one container
// environment are one finding: every line marked `// related` in the
// fixtures is a related position ("…: the same key set") of a finding on
// an earlier line, and no other position is.
func TestOneFindingPerKeySet(t *testing.T) {
	pkgs := []string{"./src/staticcreds/setenv", "./src/staticcreds/handoff", "./src/staticcreds/bootstrap", "./src/staticcreds/secrets"}
	want := map[string]bool{}
	got := map[string]bool{}
	for _, r := range fixtures.Diagnostics(t, analyzers.Analyzer, pkgs...) {
		for _, f := range r.Pass.Files {
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					if c.Text == "// related" {
						p := r.Pass.Fset.Position(c.Pos())
						want[fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)] = true
					}
				}
			}
		}
		for _, d := range r.Diagnostics {
			for _, rel := range d.Related {
				if !strings.HasSuffix(rel.Message, ": the same key set") {
					continue
				}
				p, at := r.Pass.Fset.Position(rel.Pos), r.Pass.Fset.Position(d.Pos)
				if p.Line <= at.Line {
					t.Errorf("%s: related position %s is not after its finding", at, p)
				}
				got[fmt.Sprintf("%s:%d", filepath.Base(p.Filename), p.Line)] = true
			}
		}
	}
	if len(want) < 8 {
		t.Fatalf("only %d `// related` lines in %v", len(want), pkgs)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("%s: marked `// related` but no finding has it as a related position", k)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("%s: a related position not marked `// related`", k)
		}
	}
}
