package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/fixtures"
)

var binary string

func TestMain(m *testing.M) {
	if err := fixtures.Setup(); err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "credlint-cli")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "credlint")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic(string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the credlint binary in dir and returns its combined output and
// exit code.
func run(t *testing.T, dir string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &ee):
		return out.String(), ee.ExitCode()
	}
	t.Fatalf("running credlint: %v", err)
	return "", 0
}

func TestFindingsExitThree(t *testing.T) {
	out, code := run(t, fixtures.Dir(), "./src/noretry/v1")
	if code != 3 {
		t.Fatalf("exit code %d, want 3; output:\n%s", code, out)
	}
	line := regexp.MustCompile(`(?m)^\S+/v1\.go:\d+:\d+: noretry: aws\.Config\.MaxRetries = 0 disables retries`)
	if !line.MatchString(out) {
		t.Errorf("output lacks a file:line:col: noretry: ... line:\n%s", out)
	}
}

func TestJSONCategory(t *testing.T) {
	out, code := run(t, fixtures.Dir(), "-json", "./src/noretry/minio")
	if code != 0 {
		t.Fatalf("exit code %d with -json; output:\n%s", code, out)
	}
	var tree map[string]map[string][]struct {
		Posn     string `json:"posn"`
		Message  string `json:"message"`
		Category string `json:"category"`
	}
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("-json output is not JSON: %v\n%s", err, out)
	}
	n := 0
	for _, byAnalyzer := range tree {
		for _, d := range byAnalyzer["credlint"] {
			n++
			if d.Category != "noretry" || !strings.HasPrefix(d.Message, "noretry: ") {
				t.Errorf("diagnostic %+v: want category noretry", d)
			}
		}
	}
	if n == 0 {
		t.Errorf("no diagnostics in -json output:\n%s", out)
	}
}

func TestCleanExitZero(t *testing.T) {
	out, code := run(t, fixtures.Dir(), "./src/noretry/traps")
	if code != 0 || strings.TrimSpace(out) != "" {
		t.Errorf("exit code %d, output %q; want 0 and nothing", code, out)
	}
}

// writeModule writes a throwaway module (no dependencies) with the files.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/m\n\ngo 1.26\n"
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBadConfigFileLineKey(t *testing.T) {
	// A package of the fixture module that reaches an SDK (packages that
	// cannot reach one never read a configuration), with a typo'd key in
	// the .credlint.toml found above it.
	dir, err := os.MkdirTemp(filepath.Join(fixtures.Dir(), "src"), "badconfig")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.WriteFile(filepath.Join(dir, ".credlint.toml"), []byte("enable = [\"noretry\"]\n\n[noretry]\nmin-atempts = 3\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.go"), []byte("package a\n\nimport _ \"github.com/aws/aws-sdk-go-v2/aws\"\n"), 0o644)
	out, code := run(t, dir, ".")
	if code != 1 || !strings.Contains(out, ".credlint.toml:4: unknown key \"noretry.min-atempts\"") {
		t.Errorf("exit %d, output:\n%s\nwant exit 1 and file:line and key", code, out)
	}

	// The same through -config.
	bad := filepath.Join(t.TempDir(), "other.toml")
	os.WriteFile(bad, []byte("disable = [\"noretyr\"]\n"), 0o644)
	out, code = run(t, fixtures.Dir(), "-config", bad, "./src/noretry/v1")
	if code != 1 || !strings.Contains(out, "other.toml:1: disable: unknown rule \"noretyr\"") {
		t.Errorf("exit %d, output:\n%s\nwant exit 1 and file:line and key", code, out)
	}
}

func TestTypeErrorIsAnError(t *testing.T) {
	dir := writeModule(t, map[string]string{"a/a.go": "package a\n\nvar x int = \"s\"\n"})
	out, code := run(t, dir, "./...")
	if code != 1 || !strings.Contains(out, "a.go:3") || strings.Contains(out, "panic") {
		t.Errorf("exit %d, output:\n%s\nwant exit 1 with the type error's position and no panic", code, out)
	}
}

// TestRobustness runs credlint over the SDKs' own S3 packages, a slice of
// the standard library and the example service twice: no panic, no internal
// error, and the same output both times. The full run (all of std, every
// aws-sdk-go-v2 package, aws-sdk-go's aws/... and service/s3/..., minio-go
// and the corpus) is the documented command in bench/README.md.
func TestRobustness(t *testing.T) {
	if os.Getenv("CREDLINT_INTEGRATION") == "" {
		t.Skip("set CREDLINT_INTEGRATION=1 to run (about a minute)")
	}
	args := []string{"-json",
		"net/http", "encoding/json", "os/...",
		"github.com/aws/aws-sdk-go-v2/aws/...",
		"github.com/aws/aws-sdk-go-v2/service/s3/...",
		"github.com/aws/aws-sdk-go-v2/config",
		"github.com/aws/aws-sdk-go/aws/...",
		"github.com/aws/aws-sdk-go/service/s3/...",
		"github.com/minio/minio-go/v7/...",
		"./src/pins",
	}
	first, code1 := run(t, fixtures.Dir(), args...)
	second, code2 := run(t, fixtures.Dir(), args...)
	for _, out := range []string{first, second} {
		if strings.Contains(out, "panic") || strings.Contains(out, "internal error") {
			t.Fatalf("credlint failed:\n%s", out)
		}
	}
	if code1 != 0 || code2 != 0 {
		t.Errorf("exit codes %d, %d; want 0 with -json", code1, code2)
	}
	if first != second {
		t.Errorf("output differs between two runs:\n%s\n---\n%s", first, second)
	}
	examples := filepath.Join(fixtures.Dir(), "..", "examples")
	a, _ := run(t, examples, "./...")
	b, _ := run(t, examples, "./...")
	if a != b {
		t.Errorf("example output differs between two runs:\n%s\n---\n%s", a, b)
	}
}
