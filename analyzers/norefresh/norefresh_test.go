package norefresh_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/internal/fixtures"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestNorefresh runs credlint on the norefresh fixtures (their
// .credlint.toml enables only norefresh) against the real SDKs.
func TestNorefresh(t *testing.T) {
	fixtures.Run(t, analyzers.Analyzer, "./src/norefresh/...")
}

// TestFixes checks the suggested fixes against the .golden files.
func TestFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, fixtures.Dir(), analyzers.Analyzer, "./src/norefresh/fix/...")
}
