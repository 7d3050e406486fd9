package staticcreds_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/internal/fixtures"
)

// secrets are the literal keys of testdata/src/staticcreds/secrets.
var secrets = []string{
	"AKIAIOSFODNN7EXAMPLE",
	"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
	"FwoGZXIvYXdzEBYaDHVzZXItdG9rZW4tZXhhbXBsZQ",
}

func checkNoSecret(t *testing.T, what, text string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("%s contains the secret %q:\n%s", what, s, text)
		}
	}
}

// TestNoSecretInDiagnostics checks every diagnostic of the secrets fixture:
// message, related information and suggested fixes.
func TestNoSecretInDiagnostics(t *testing.T) {
	results := fixtures.Run(t, analyzers.Analyzer, "./src/staticcreds/secrets")
	n := 0
	for _, r := range results {
		for _, d := range r.Diagnostics {
			n++
			checkNoSecret(t, "message", d.Message)
			for _, rel := range d.Related {
				checkNoSecret(t, "related information", rel.Message)
			}
			for _, fix := range d.SuggestedFixes {
				checkNoSecret(t, "fix message", fix.Message)
				for _, e := range fix.TextEdits {
					checkNoSecret(t, "fix edit", string(e.NewText))
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no diagnostics: the fixture is not exercised")
	}
}

// TestNoSecretInCLIOutput runs the credlint binary on the secrets fixture,
// as text and as JSON (which includes the suggested fixes' edits).
func TestNoSecretInCLIOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the credlint binary")
	}
	bin := filepath.Join(t.TempDir(), "credlint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/credlint")
	build.Dir = filepath.Join(fixtures.Dir(), "..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, args := range [][]string{
		{"./src/staticcreds/secrets"},
		{"-json", "./src/staticcreds/secrets"},
		{"-json", "./src/staticcreds/fix", "./src/staticcreds/v2"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Dir = fixtures.Dir()
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		_ = cmd.Run() // exit 3: findings
		if !strings.Contains(out.String(), "staticcreds: ") {
			t.Fatalf("credlint %v reported no staticcreds finding:\n%s", args, out.String())
		}
		checkNoSecret(t, "credlint "+strings.Join(args, " "), out.String())
	}
}
