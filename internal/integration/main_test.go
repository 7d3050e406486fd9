package integration

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// enabled reports whether the integration tests run.
var enabled = os.Getenv("CREDLINT_INTEGRATION") == "1"

// credlint is the path of the credlint binary built for these tests.
var credlint string

func TestMain(m *testing.M) {
	if !enabled {
		os.Exit(m.Run()) // every test skips
	}
	dir, err := os.MkdirTemp("", "credlint-integration")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	credlint = filepath.Join(dir, "credlint")
	cmd := exec.Command("go", "build", "-o", credlint, "./cmd/credlint")
	cmd.Dir = repoRoot()
	cmd.Env = goEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building credlint: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// integration skips t unless CREDLINT_INTEGRATION=1, marks it parallel and
// logs its wall time.
func integration(t *testing.T) {
	t.Helper()
	if !enabled {
		t.Skip("integration test: set CREDLINT_INTEGRATION=1 to run it (slow; the pre-commit test needs pre-commit)")
	}
	t.Parallel()
	start := time.Now()
	t.Cleanup(func() { t.Logf("wall time %.1fs", time.Since(start).Seconds()) })
}

// repoRoot is the credlint checkout.
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// goEnv is the environment of every command the tests run: modules may be
// resolved and go.mod updated (copies of the example drop its tool line),
// no workspace. HOME may be unset on CI machines: the go command then needs
// GOCACHE set explicitly, which goVar provides.
func goEnv(extra ...string) []string {
	env := os.Environ()
	flags := strings.TrimSpace(os.Getenv("GOFLAGS") + " -mod=mod")
	env = append(env, "GOFLAGS="+flags, "GOWORK=off")
	return append(env, extra...)
}

var goVars sync.Map

// goVar returns `go env NAME`.
func goVar(t *testing.T, name string) string {
	t.Helper()
	if v, ok := goVars.Load(name); ok {
		return v.(string)
	}
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		t.Fatalf("go env %s: %v", name, err)
	}
	v := strings.TrimSpace(string(out))
	goVars.Store(name, v)
	return v
}

// result is one command's outcome.
type result struct {
	out  string // stdout and stderr, interleaved
	code int
}

// run runs name args in dir with env and returns its output and exit
// status; it fails t if the command cannot be started.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = dir, env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t.Logf("%s %s (in %s): %.1fs", filepath.Base(name), strings.Join(args, " "), filepath.Base(dir), time.Since(start).Seconds())
	var ee *exec.ExitError
	switch {
	case err == nil:
		return result{out.String(), 0}
	case errors.As(err, &ee) && ee.Exited():
		return result{out.String(), ee.ExitCode()}
	}
	t.Fatalf("%s %v: %v\n%s", name, args, err, out.String())
	return result{}
}

// mustRun is run that fails t unless the command exits 0.
func mustRun(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	r := run(t, dir, env, name, args...)
	if r.code != 0 {
		t.Fatalf("%s %s: exit %d\n%s", name, strings.Join(args, " "), r.code, r.out)
	}
	return r.out
}

// copyTree copies the regular files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(p, filepath.Join(dst, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(src, dst string) error {
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o644)
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// exampleModule copies the example module (examples/) to a new directory.
// With local, its replace directive points at this checkout (the module
// keeps credlint as a tool); otherwise credlint is dropped from go.mod, as
// in a project that runs credlint from outside (pre-commit).
func exampleModule(t *testing.T, local bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "worker")
	copyTree(t, filepath.Join(repoRoot(), "examples"), dir)
	gomod := filepath.Join(dir, "go.mod")
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) >= 2 && f[0] == "replace" && f[1] == "github.com/credlint/credlint":
			if local {
				line = "replace github.com/credlint/credlint => " + repoRoot()
			} else {
				continue
			}
		case !local && len(f) >= 2 && (f[0] == "tool" || f[0] == "github.com/credlint/credlint"):
			continue
		}
		lines = append(lines, line)
	}
	writeFile(t, gomod, strings.Join(lines, "\n"))
	return dir
}

// miniModule is a module with the example's requirements (credlint
// dropped) and the given files.
func miniModule(t *testing.T, files map[string]string) string {
	t.Helper()
	ex := exampleModule(t, false)
	dir := filepath.Join(t.TempDir(), "mini")
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := copyFile(filepath.Join(ex, f), filepath.Join(dir, f)); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, name), data)
	}
	return dir
}

// A finding is what the comparisons between drivers look at.
type finding struct {
	File string // slash path relative to the module root
	Line int
	Rule string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Rule) }

func sorted(fs []finding) []finding {
	fs = slices.Clone(fs)
	slices.SortFunc(fs, func(a, b finding) int {
		return strings.Compare(a.String(), b.String())
	})
	return slices.Compact(fs)
}

// sameFindings fails t unless got and want hold the same findings.
func sameFindings(t *testing.T, what string, got, want []finding) {
	t.Helper()
	if len(want) == 0 {
		t.Fatalf("%s: nothing to compare: the reference run found nothing", what)
	}
	if d := cmp.Diff(sorted(want), sorted(got)); d != "" {
		t.Errorf("%s: findings differ from the standalone run (-standalone +%s):\n%s", what, what, d)
	}
}

// relFile makes a reported file name relative to the module root.
func relFile(t *testing.T, root, file string) string {
	t.Helper()
	if filepath.IsAbs(file) {
		r, err := filepath.Rel(root, file)
		if err != nil {
			t.Fatal(err)
		}
		file = r
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// diagnostic is one diagnostic of the x/tools JSON tree.
type diagnostic struct {
	finding
	Message string
}

// standalone runs `credlint -json ./...` in dir and returns its findings.
func standalone(t *testing.T, dir string, args ...string) []diagnostic {
	t.Helper()
	r := run(t, dir, goEnv(), credlint, append([]string{"-json"}, append(args, "./...")...)...)
	if r.code != 0 {
		t.Fatalf("credlint -json: exit %d\n%s", r.code, r.out)
	}
	return parseJSONTree(t, dir, []byte(r.out))
}

func parseJSONTree(t *testing.T, root string, data []byte) []diagnostic {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		t.Fatalf("not the x/tools JSON tree: %v\n%s", err, data)
	}
	var out []diagnostic
	for pkg, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var ds []struct{ Posn, Message, Category string }
			if err := json.Unmarshal(raw, &ds); err != nil {
				t.Fatalf("%s: %s: %s", pkg, name, raw)
			}
			for _, d := range ds {
				m := posnRE.FindStringSubmatch(d.Posn)
				if m == nil {
					t.Fatalf("bad posn %q", d.Posn)
				}
				line, _ := strconv.Atoi(m[2])
				out = append(out, diagnostic{finding{relFile(t, root, m[1]), line, d.Category}, d.Message})
			}
		}
	}
	return out
}

var posnRE = regexp.MustCompile(`^(.*):(\d+):(\d+)$`)

func findings(ds []diagnostic) []finding {
	var out []finding
	for _, d := range ds {
		out = append(out, d.finding)
	}
	return out
}

// textFindings parses "file:line:col: rule: message" lines (go vet,
// credlint's text output).
func textFindings(t *testing.T, root, out string) []finding {
	t.Helper()
	var fs []finding
	for _, m := range textRE.FindAllStringSubmatch(out, -1) {
		line, _ := strconv.Atoi(m[2])
		fs = append(fs, finding{relFile(t, root, m[1]), line, m[3]})
	}
	return fs
}

var textRE = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):\d+: ([a-z]+): `)

var (
	baselineOnce sync.Once
	baselineDiag []diagnostic
	baselineErr  string
)

// baseline is the standalone run on an unchanged copy of the example: the
// reference every other driver is compared with.
func baseline(t *testing.T) []diagnostic {
	t.Helper()
	baselineOnce.Do(func() {
		baselineErr = "the standalone run on the example failed: see the log of the test that ran it"
		dir := exampleModule(t, true)
		baselineDiag = standalone(t, dir)
		baselineErr = ""
		if len(baselineDiag) == 0 {
			baselineErr = "credlint finds nothing in the example module"
		}
	})
	if baselineErr != "" {
		t.Fatal(baselineErr)
	}
	return baselineDiag
}

// crossPackage returns the example's finding that exists only through a
// fact of another package (storage's use of awsx.NoRetries).
func crossPackage(t *testing.T, ds []diagnostic) finding {
	t.Helper()
	for _, d := range ds {
		if d.Rule == "noretry" && strings.HasPrefix(d.File, "internal/storage/") && strings.Contains(d.Message, "awsx.NoRetries returns") {
			return d.finding
		}
	}
	t.Fatalf("the example lacks its cross-package finding (storage's use of awsx.NoRetries); findings: %v", findings(ds))
	return finding{}
}

func without(fs []finding, drop func(finding) bool) []finding {
	return slices.DeleteFunc(slices.Clone(fs), drop)
}
