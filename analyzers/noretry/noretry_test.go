package noretry_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/analyzers/noretry"
	"github.com/credlint/credlint/internal/fixtures"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestNoretry runs credlint on the noretry fixtures (their .credlint.toml
// enables only noretry) against the real SDKs.
func TestNoretry(t *testing.T) {
	fixtures.Run(t, analyzers.Analyzer, "./src/noretry/...")
}

// TestFacts checks the DisablesRetries facts on helper functions.
func TestFacts(t *testing.T) {
	fixtures.RunFacts(t, noretry.Analyzer, "./src/noretry/...")
}

// TestSuggestedFixes checks the fixes that remove a retry-disabling
// setting against the .golden files.
func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(), analyzers.Analyzer, "./src/noretry/fix")
}
