package integration

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/credlint/credlint/internal/fixtures"
)

// TestFix runs `credlint -fix` on a copy of every fixture package that has
// suggested fixes (a .golden file beside it, testdata/src/<rule>/...): the
// fixed files are the .golden files (up to gofmt), the packages compile,
// and credlint then reports exactly the findings that had no fix.
func TestFix(t *testing.T) {
	integration(t)
	if err := fixtures.Setup(); err != nil {
		t.Fatal(err)
	}
	src := fixtures.Dir()
	var pkgs []string // fixture package dirs, relative to testdata
	filepath.WalkDir(filepath.Join(src, "src"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go.golden") {
			rel, _ := filepath.Rel(src, filepath.Dir(p))
			if pkg := "./" + filepath.ToSlash(rel); !slices.Contains(pkgs, pkg) {
				pkgs = append(pkgs, pkg)
			}
		}
		return nil
	})
	if len(pkgs) == 0 {
		t.Fatal("no fixture has suggested fixes (no testdata/src/**/*.go.golden)")
	}
	t.Logf("fixtures with fixes: %v", pkgs)

	dir := filepath.Join(t.TempDir(), "testdata")
	copyTree(t, src, dir)

	// Before: which findings have a fix.
	r := run(t, dir, goEnv(), credlint, append([]string{"-json"}, pkgs...)...)
	if r.code != 0 {
		t.Fatalf("credlint -json: exit %d\n%s", r.code, r.out)
	}
	var unfixable []string
	fixable := 0
	for _, d := range fixDiagnostics(t, r.out) {
		if d.fixes > 0 {
			fixable++
		} else {
			unfixable = append(unfixable, d.key)
		}
	}
	if fixable == 0 {
		t.Fatalf("no finding in %v has a suggested fix", pkgs)
	}

	// -fix says what it fixed and what is left, and exits 3 when findings
	// are left without a fix.
	wantCode := 0
	if len(unfixable) > 0 {
		wantCode = 3
	}
	if r := run(t, dir, goEnv(), credlint, append([]string{"-fix"}, pkgs...)...); r.code != wantCode ||
		strings.Count(r.out, ": fixed: ") != fixable ||
		!strings.Contains(r.out, fmt.Sprintf("; %d left without an automatic fix", len(unfixable))) {
		t.Fatalf("credlint -fix: exit %d (want %d), want %d \": fixed: \" lines and %d left\n%s", r.code, wantCode, fixable, len(unfixable), r.out)
	}
	goldens, _ := filepath.Glob(filepath.Join(dir, "src", "*", "*", "*.go.golden"))
	more, _ := filepath.Glob(filepath.Join(dir, "src", "*", "*", "*", "*.go.golden"))
	for _, g := range append(goldens, more...) {
		want, _ := os.ReadFile(g)
		got, _ := os.ReadFile(strings.TrimSuffix(g, ".golden"))
		if gofmt(want) != gofmt(got) {
			rel, _ := filepath.Rel(dir, g)
			t.Errorf("%s after -fix differs from %s (-want +got):\n%s", strings.TrimSuffix(rel, ".golden"), filepath.Base(g), cmp.Diff(gofmt(want), gofmt(got)))
		}
	}
	if r := run(t, dir, goEnv(), "go", append([]string{"build"}, pkgs...)...); r.code != 0 {
		t.Errorf("the fixed packages do not compile:\n%s", r.out)
	}

	// After: every finding that had a fix is gone, the others remain.
	r = run(t, dir, goEnv(), credlint, append([]string{"-json"}, pkgs...)...)
	if r.code != 0 {
		t.Fatalf("credlint -json after -fix: exit %d\n%s", r.code, r.out)
	}
	var after []string
	for _, d := range fixDiagnostics(t, r.out) {
		after = append(after, d.key)
	}
	sort.Strings(unfixable)
	sort.Strings(after)
	if d := cmp.Diff(unfixable, after); d != "" {
		t.Errorf("after -fix, want exactly the %d findings that had no fix (-want +got):\n%s", len(unfixable), d)
	}
	t.Logf("%d findings fixed, %d without a fix left", fixable, len(unfixable))
}

type fixDiag struct {
	key   string // file, rule and message, line numbers removed (fixes move lines)
	fixes int
}

var lineNumbers = regexp.MustCompile(`:\d+(:\d+)?`)

func fixDiagnostics(t *testing.T, out string) []fixDiag {
	t.Helper()
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("credlint -json: %v\n%s", err, out)
	}
	var ds []fixDiag
	for pkg, byAnalyzer := range tree {
		for name, raw := range byAnalyzer {
			var diags []struct {
				Posn, Message  string
				SuggestedFixes []json.RawMessage `json:"suggested_fixes"`
			}
			if err := json.Unmarshal(raw, &diags); err != nil {
				t.Fatalf("%s: %s: %s", pkg, name, raw)
			}
			for _, d := range diags {
				file := lineNumbers.ReplaceAllString(filepath.Base(d.Posn), "")
				ds = append(ds, fixDiag{file + ": " + lineNumbers.ReplaceAllString(d.Message, ""), len(d.SuggestedFixes)})
			}
		}
	}
	return ds
}

func gofmt(src []byte) string {
	if out, err := format.Source(src); err == nil {
		return string(out)
	}
	return string(src)
}

// TestFixLeavesVetClean applies every suggested fix credlint offers on
// every fixture package and on examples/, then builds the result and runs
// go vet on it: a fix may not leave code that does not compile or that vet
// rejects (a self-assignment such as cfg.Credentials = cfg.Credentials, an
// unused variable or import). The number of findings -fix says are left
// is what a re-run reports, and -fix -diff's patch, applied with patch(1),
// gives the same files as -fix.
func TestFixLeavesVetClean(t *testing.T) {
	integration(t)
	if err := fixtures.Setup(); err != nil {
		t.Fatal(err)
	}
	fixtureCopy := func() string {
		dir := filepath.Join(t.TempDir(), "testdata")
		copyTree(t, fixtures.Dir(), dir)
		return dir
	}
	for _, c := range []struct {
		name     string
		dir      func() string
		patterns []string
	}{
		{"fixtures", fixtureCopy, []string{"./src/..."}},
		{"examples", func() string { return exampleModule(t, true) }, []string{"./..."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := c.dir()
			if r := run(t, dir, goEnv(), "go", append([]string{"vet"}, c.patterns...)...); r.code != 0 {
				t.Fatalf("go vet before -fix: exit %d\n%s", r.code, r.out)
			}
			patched := ""
			if c.name == "fixtures" {
				patched = c.dir()
				applyDiff(t, patched, c.patterns)
			}

			r := run(t, dir, goEnv(), credlint, append([]string{"-fix"}, c.patterns...)...)
			if r.code != 0 && r.code != 3 {
				t.Fatalf("credlint -fix: exit %d\n%s", r.code, r.out)
			}
			m := regexp.MustCompile(`credlint: fixed (\d+) of (\d+) findings in \d+ files; (\d+) left`).FindStringSubmatch(r.out)
			if m == nil {
				t.Fatalf("credlint -fix printed no summary:\n%s", r.out)
			}
			t.Logf("%s", m[0])
			if m[1] == "0" && c.name == "fixtures" {
				t.Errorf("no fix applied in %s", c.name)
			}
			if r := run(t, dir, goEnv(), "go", append([]string{"build"}, c.patterns...)...); r.code != 0 {
				t.Errorf("the fixed packages do not compile:\n%s", r.out)
			}
			if r := run(t, dir, goEnv(), "go", append([]string{"vet"}, c.patterns...)...); r.code != 0 {
				t.Errorf("go vet rejects the fixed packages:\n%s", r.out)
			}

			again := run(t, dir, goEnv(), credlint, append([]string{"-json"}, c.patterns...)...)
			if again.code != 0 {
				t.Fatalf("credlint -json after -fix: exit %d\n%s", again.code, again.out)
			}
			distinct := map[string]bool{}
			for _, d := range parseJSONTree(t, dir, []byte(again.out)) {
				distinct[fmt.Sprintf("%v %s", d.finding, d.Message)] = true
			}
			if fmt.Sprint(len(distinct)) != m[3] {
				t.Errorf("-fix said %s findings are left; a re-run finds %d", m[3], len(distinct))
			}

			if patched != "" {
				for _, p := range goFiles(t, dir) {
					want, _ := os.ReadFile(filepath.Join(dir, p))
					got, _ := os.ReadFile(filepath.Join(patched, p))
					if string(want) != string(got) {
						t.Errorf("%s: -fix -diff's patch gives another file than -fix (-fix +patch):\n%s", p, cmp.Diff(string(want), string(got)))
					}
				}
			}
		})
	}
}

// applyDiff runs credlint -fix -diff in dir and applies its patch there
// with patch(1).
func applyDiff(t *testing.T, dir string, patterns []string) {
	t.Helper()
	if _, err := exec.LookPath("patch"); err != nil {
		t.Fatalf("this test applies -fix -diff's patch with patch(1), which is not installed (.ci/run installs it: apt-get install patch): %v", err)
	}
	cmd := exec.Command(credlint, append([]string{"-fix", "-diff"}, patterns...)...)
	cmd.Dir, cmd.Env = dir, goEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			t.Fatalf("credlint -fix -diff: %v\n%s", err, stderr.String())
		}
	}
	if !strings.Contains(stdout.String(), "\n@@ ") {
		t.Fatalf("credlint -fix -diff printed no patch:\n%s", stdout.String())
	}
	p := exec.Command("patch", "-p0", "--quiet")
	p.Dir, p.Stdin = dir, &stdout
	if out, err := p.CombinedOutput(); err != nil {
		t.Fatalf("patch -p0 < (credlint -fix -diff): %v\n%s", err, out)
	}
}

// goFiles lists the .go files under dir, relative to it.
func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}
