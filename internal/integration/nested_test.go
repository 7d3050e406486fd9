package integration

import (
	"path/filepath"
	"testing"
)

// TestNestedModules runs the tests and go vet of the repository's nested
// modules (eval/, bench/, release/), which `go test ./...` at the root
// does not reach.
func TestNestedModules(t *testing.T) {
	integration(t)
	for _, mod := range []string{"eval", "bench", "release"} {
		dir := filepath.Join(repoRoot(), mod)
		mustRun(t, dir, goEnv(), "go", "vet", "./...")
		mustRun(t, dir, goEnv(), "go", "test", "./...")
	}
}
