package expiryerr_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/analyzers/expiryerr"
	"github.com/credlint/credlint/internal/fixtures"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestExpiryerr runs credlint on the expiryerr fixtures (their
// .credlint.toml enables only expiryerr) against the real SDKs.
func TestExpiryerr(t *testing.T) {
	fixtures.Run(t, analyzers.Analyzer, "./src/expiryerr/...")
}

// TestFacts checks the ReturnsSDKError and IsClassifier facts.
func TestFacts(t *testing.T) {
	fixtures.RunFacts(t, expiryerr.Analyzer, "./src/expiryerr/...")
}

// TestFixes checks the suggested fixes against the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(), analyzers.Analyzer, "./src/expiryerr/fix/...")
}
