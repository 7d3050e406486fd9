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
