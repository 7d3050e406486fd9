package integration

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeFirstCommand runs README's first command as a newcomer does,
// in the repository's own examples/ module with its go.mod and go.sum as
// committed (-mod=readonly: a requirement credlint gained without
// examples/go.sum following fails here), and expects its findings.
func TestReadmeFirstCommand(t *testing.T) {
	integration(t)
	const command = "go -C examples tool credlint ./..."
	readme, err := os.ReadFile(filepath.Join(repoRoot(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "\n"+command+"\n") {
		t.Fatalf("README.md no longer shows %q: update this test with it", command)
	}
	env := append(os.Environ(), "GOFLAGS=-mod=readonly", "GOWORK=off")
	r := run(t, repoRoot(), env, "go", strings.Fields(command)[1:]...)
	if r.code != 3 || !strings.Contains(r.out, "staticcreds: ") {
		t.Errorf("%s: exit %d, want 3 (findings) with a staticcreds finding; output:\n%s", command, r.code, r.out)
	}
}
