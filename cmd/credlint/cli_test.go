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

// runSplit runs the credlint binary in dir and returns its stdout, stderr
// and exit code.
func runSplit(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("running credlint: %v", err)
	}
	return out.String(), errOut.String(), code
}

// fixtureCopy copies fixture packages (directories under testdata/src)
// into a module of their own with the fixture module's go.mod and go.sum.
func fixtureCopy(t *testing.T, pkgs ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(fixtures.Dir(), f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range pkgs {
		src := filepath.Join(fixtures.Dir(), "src", p)
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		os.MkdirAll(filepath.Join(dir, p), 0o755)
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			data, _ := os.ReadFile(filepath.Join(src, e.Name()))
			if err := os.WriteFile(filepath.Join(dir, p, e.Name()), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// TestExitCodes is README's exit status table, a row per case.
func TestExitCodes(t *testing.T) {
	mod := fixtureCopy(t, "noretry/v1", "noretry/traps", "staticcreds/fix")
	badConfig := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(badConfig, []byte("[noretry]\nmin-atempts = 3\n"), 0o644)
	typeErr := filepath.Join(mod, "broken")
	os.MkdirAll(typeErr, 0o755)
	os.WriteFile(filepath.Join(typeErr, "broken.go"), []byte("package broken\n\nimport _ \"github.com/aws/aws-sdk-go-v2/aws\"\n\nvar x int = \"s\"\n"), 0o644)

	rows := []struct {
		name string
		args []string
		want int
	}{
		{"text, no findings", []string{"./noretry/traps"}, 0},
		{"text, findings", []string{"./noretry/v1"}, 3},
		{"text, a package that does not type-check", []string{"./broken"}, 1},
		{"text, a bad config", []string{"-config", badConfig, "./noretry/v1"}, 1},
		{"json, findings", []string{"-json", "./noretry/v1"}, 0},
		{"json, a bad config", []string{"-json", "-config", badConfig, "./noretry/v1"}, 1},
		{"json, a package that does not type-check", []string{"-json", "./broken"}, 1},
		{"sarif, no findings", []string{"-sarif", "./noretry/traps"}, 0},
		{"sarif, findings", []string{"-sarif", "./noretry/v1"}, 3},
		{"sarif, a bad config", []string{"-sarif", "-config", badConfig, "./noretry/v1"}, 1},
		{"sarif, a package that does not type-check", []string{"-sarif", "./broken", "./noretry/v1"}, 1},
		{"fix, nothing to fix", []string{"-fix", "-diff", "./noretry/traps"}, 0},
		{"fix, findings left without a fix", []string{"-fix", "-diff", "./staticcreds/fix"}, 3},
		{"fix, a bad config", []string{"-fix", "-config", badConfig, "./noretry/v1"}, 1},
		{"source loader, findings", []string{"-load=source", "./noretry/v1"}, 3},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			stdout, stderr, code := runSplit(t, mod, r.args...)
			if code != r.want {
				t.Errorf("credlint %s: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(r.args, " "), code, r.want, stdout, stderr)
			}
			// A failed -sarif run still writes its log, the errors as
			// notifications of an unsuccessful invocation.
			if code == 1 && strings.HasPrefix(r.args[0], "-sarif") {
				var log struct {
					Runs []struct {
						Invocations []struct {
							ExecutionSuccessful        bool
							ToolExecutionNotifications []json.RawMessage
						}
					}
				}
				if err := json.Unmarshal([]byte(stdout), &log); err != nil || len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 ||
					log.Runs[0].Invocations[0].ExecutionSuccessful || len(log.Runs[0].Invocations[0].ToolExecutionNotifications) == 0 {
					t.Errorf("-sarif on an error: want a log with an unsuccessful invocation and its errors (%v):\n%s", err, stdout)
				}
			}
		})
	}
}

// TestConfigErrorOnce: a bad .credlint.toml is one error for the run, not
// one per package, and no internal analyzer is named.
func TestConfigErrorOnce(t *testing.T) {
	mod := fixtureCopy(t, "noretry/v1", "noretry/v2", "staticcreds/v2")
	os.WriteFile(filepath.Join(mod, ".credlint.toml"), []byte("[noretry]\nmin-atempts = 3\n"), 0o644)
	_, stderr, code := runSplit(t, mod, "./...")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if n := strings.Count(stderr, `unknown key "noretry.min-atempts"`); n != 1 {
		t.Errorf("the config error is said %d times, want once:\n%s", n, stderr)
	}
	for _, internal := range []string{"credflow", "credlintconfig", "prerequisites", "analysis skipped"} {
		if strings.Contains(stderr, internal) {
			t.Errorf("stderr names %q:\n%s", internal, stderr)
		}
	}
}

// TestFindingsOnStdout: `credlint ./... > findings.txt` captures the
// findings, with paths relative to the working directory; stderr is empty.
func TestFindingsOnStdout(t *testing.T) {
	stdout, stderr, code := runSplit(t, fixtures.Dir(), "./src/noretry/v1")
	if code != 3 || stderr != "" {
		t.Errorf("exit %d, stderr %q; want 3 and nothing", code, stderr)
	}
	if !regexp.MustCompile(`(?m)^src/noretry/v1/v1\.go:\d+:\d+: noretry: `).MatchString(stdout) {
		t.Errorf("stdout lacks findings with relative paths:\n%s", stdout)
	}
	if strings.Contains(stdout, fixtures.Dir()) {
		t.Errorf("stdout has absolute paths:\n%s", stdout)
	}
}

func TestVersion(t *testing.T) {
	for _, flag := range []string{"-version", "-V"} {
		stdout, stderr, code := runSplit(t, ".", flag)
		if code != 0 || !strings.HasPrefix(stdout, "credlint ") || !strings.Contains(stdout, "go1.") {
			t.Errorf("credlint %s: exit %d, stdout %q, stderr %q; want credlint <version>", flag, code, stdout, stderr)
		}
	}
	// go vet's protocol: "<name> version devel ... buildID=<id>".
	stdout, _, code := runSplit(t, ".", "-V=full")
	if code != 0 || !strings.Contains(stdout, " version ") || !strings.Contains(stdout, "buildID=") {
		t.Errorf("credlint -V=full: exit %d, stdout %q; want go vet's version line", code, stdout)
	}
}

// TestMonorepo: a directory that is not a module holds two modules (one
// uses the other through a replace); credlint runs from the parent, on one
// module by pattern, and with -C.
func TestMonorepo(t *testing.T) {
	root := t.TempDir()
	copyDir(t, filepath.Join(fixtures.Dir(), "twomod"), root)
	want := map[string][]string{
		"./...":                       {"app/store/store.go:13:5: globalclient", "app/store/store.go:18:20: noretry", "awshelper/awsh/awsh.go:17:"},
		"./app/...":                   {"app/store/store.go:13:5: globalclient"},
		"-C app ./...":                {"store/store.go:13:5: globalclient"},
		"-changed app/store/store.go": {"app/store/store.go:18:20: noretry"},
	}
	for args, findings := range want {
		stdout, stderr, code := runSplit(t, root, strings.Fields(args)...)
		if code != 3 {
			t.Errorf("credlint %s: exit %d, want 3\nstdout:\n%s\nstderr:\n%s", args, code, stdout, stderr)
			continue
		}
		for _, f := range findings {
			if !strings.Contains(stdout, f) {
				t.Errorf("credlint %s: no %q in\n%s", args, f, stdout)
			}
		}
	}
	// A related position (a step of a finding's provenance, printed
	// indented: "file:line:col: \t...") may be in the other module; a
	// finding may not.
	stdout, _, _ := runSplit(t, root, "./app/...")
	for _, line := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(line, "awshelper/") && !strings.Contains(line, ": \t") {
			t.Errorf("credlint ./app/... reports in the other module:\n%s", stdout)
			break
		}
	}
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFixReports: -fix -diff prints a patch on stdout and on stderr what
// it would fix and how many findings are left without a fix.
func TestFixReports(t *testing.T) {
	mod := fixtureCopy(t, "staticcreds/fix")
	stdout, stderr, code := runSplit(t, mod, "-fix", "-diff", "./...")
	if code != 3 {
		t.Errorf("exit %d, want 3 (findings left without a fix)", code)
	}
	if !strings.HasPrefix(stdout, "--- staticcreds/fix/fix.go\n+++ staticcreds/fix/fix.go\n@@ ") {
		t.Errorf("stdout is not a unified diff of fix.go:\n%s", stdout)
	}
	if !regexp.MustCompile(`(?m)^staticcreds/fix/fix\.go:\d+:\d+: would fix: `).MatchString(stderr) ||
		!regexp.MustCompile(`(?m)^credlint: would fix \d+ of \d+ findings in 1 files; [1-9]\d* left without an automatic fix$`).MatchString(stderr) {
		t.Errorf("stderr does not say what would be fixed and what is left:\n%s", stderr)
	}
	// Applied: the same report on stdout, the file changed, and a second
	// run finds only what had no fix.
	before, _ := os.ReadFile(filepath.Join(mod, "staticcreds/fix/fix.go"))
	stdout, _, code = runSplit(t, mod, "-fix", "./...")
	after, _ := os.ReadFile(filepath.Join(mod, "staticcreds/fix/fix.go"))
	if code != 3 || bytes.Equal(before, after) || !strings.Contains(stdout, ": fixed: ") {
		t.Errorf("-fix: exit %d, file changed %v, stdout:\n%s", code, !bytes.Equal(before, after), stdout)
	}
	stdout, _, _ = runSplit(t, mod, "-fix", "./...")
	if !strings.Contains(stdout, "credlint: fixed 0 of") {
		t.Errorf("a second -fix still fixes something:\n%s", stdout)
	}
}

// TestHelp lists only flags a user can use.
func TestHelp(t *testing.T) {
	_, stderr, code := runSplit(t, ".", "-help")
	if code != 0 {
		t.Errorf("-help: exit %d", code)
	}
	for _, want := range []string{"-json", "-sarif", "-fix", "-load", "-config", "-C ", "-changed", "include-tests"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-help lacks %q:\n%s", want, stderr)
		}
	}
	for _, unwanted := range []string{"no effect", "-debug", "-flags"} {
		if strings.Contains(stderr, unwanted) {
			t.Errorf("-help shows %q:\n%s", unwanted, stderr)
		}
	}
}

// TestBuildTags: -tags reaches the go command, as go vet's and
// staticcheck's do: a file built only with the tag is analyzed with it.
func TestBuildTags(t *testing.T) {
	mod := fixtureCopy(t)
	os.MkdirAll(filepath.Join(mod, "prod"), 0o755)
	os.WriteFile(filepath.Join(mod, "prod", "base.go"), []byte("package prod\n"), 0o644)
	os.WriteFile(filepath.Join(mod, "prod", "prod.go"), []byte("//go:build prod\n\npackage prod\n\nimport \"github.com/aws/aws-sdk-go-v2/aws\"\n\nvar R aws.Retryer = aws.NopRetryer{}\n"), 0o644)
	for _, c := range []struct {
		args     []string
		findings int
		code     int
	}{
		{[]string{"./prod"}, 0, 0},
		{[]string{"-tags", "prod", "./prod"}, 1, 3},
		{[]string{"-tags=prod", "-load=export", "./prod"}, 1, 3},
		{[]string{"-tags=prod", "-load=source", "./prod"}, 1, 3},
	} {
		stdout, stderr, code := runSplit(t, mod, c.args...)
		if n := strings.Count(stdout, "noretry:"); n != c.findings || code != c.code {
			t.Errorf("credlint %s: exit %d, %d noretry findings, want exit %d, %d\n%s%s", strings.Join(c.args, " "), code, n, c.code, c.findings, stdout, stderr)
		}
	}
}
