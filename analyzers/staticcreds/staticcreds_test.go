package staticcreds_test

import (
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
// environment are one finding, the others its related positions (lines
// marked `// related` in the fixtures).
func TestOneFindingPerKeySet(t *testing.T) {
	fixtures.RunRelated(t, analyzers.Analyzer, ": the same key set", "./src/staticcreds/setenv", "./src/staticcreds/handoff", "./src/staticcreds/bootstrap", "./src/staticcreds/secrets")
}
