package presignttl_test

import (
	"testing"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/internal/fixtures"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestPresignttl runs credlint on the presignttl fixtures (their
// .credlint.toml enables only presignttl) against the real SDKs.
func TestPresignttl(t *testing.T) {
	fixtures.Run(t, analyzers.Analyzer, "./src/presignttl/...")
}
