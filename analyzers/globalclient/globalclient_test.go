package globalclient_test

import (
	"testing"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/analyzers/globalclient"
	"github.com/credlint/credlint/internal/fixtures"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestGlobalclient runs credlint on the globalclient fixtures (their
// .credlint.toml enables globalclient, and staticcreds too in both/)
// against the real SDKs.
func TestGlobalclient(t *testing.T) {
	fixtures.Run(t, analyzers.Analyzer, "./src/globalclient/...")
}

// TestFacts checks the SetsGlobals facts of exported set-up functions.
func TestFacts(t *testing.T) {
	fixtures.RunFacts(t, globalclient.Analyzer, "./src/globalclient/...")
}

// TestOneFindingPerDecision checks that a global built from another
// reported global on the same credentials (a client from a package-level
// session or config) is a related position of that global's finding, not
// a finding of its own (lines marked `// related` in the fixtures).
func TestOneFindingPerDecision(t *testing.T) {
	fixtures.RunRelated(t, analyzers.Analyzer, ": the same credentials", "./src/globalclient/v1", "./src/globalclient/v2", "./src/globalclient/services")
}
