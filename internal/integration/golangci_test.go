package integration

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// golangciVersion is the golangci-lint release the plugin targets; its
// go.mod pins golang.org/x/tools v0.52.0, the version credlint uses.
const golangciVersion = "v2.15.0"

// TestGolangci builds golangci-lint v2.15.0 with the credlint module plugin
// compiled in (what `golangci-lint custom` builds, from the module proxy
// alone), runs it on the example module and compares its findings with the
// standalone run; then //nolint:credlint, settings, and an unknown setting.
func TestGolangci(t *testing.T) {
	integration(t)
	bin := golangciBinary(t)
	base := baseline(t)

	dir := exampleModule(t, true)
	cache := t.TempDir()
	lint := func(settings string) (result, []finding) {
		t.Helper()
		writeFile(t, filepath.Join(dir, ".golangci.yml"), golangciConfig(settings))
		report := filepath.Join(t.TempDir(), "report.json")
		r := run(t, dir, goEnv("GOLANGCI_LINT_CACHE="+cache), bin, "run", "--allow-parallel-runners",
			"--output.json.path="+report, "--output.text.path=stdout", "--show-stats=false", "./...")
		var fs []finding
		if data, err := os.ReadFile(report); err == nil {
			fs = golangciFindings(t, dir, data)
		}
		return r, fs
	}

	r, got := lint("")
	if r.code != 1 {
		t.Errorf("golangci-lint with findings: exit %d, want 1\n%s", r.code, r.out)
	}
	sameFindings(t, "golangci-lint", got, findings(base))
	if !slices.ContainsFunc(got, isRule("norefresh")) {
		t.Errorf("golangci-lint reports no norefresh finding (examples/internal/audit): %v", got)
	}
	if cross := crossPackage(t, base); !contains(got, cross) {
		t.Errorf("golangci-lint lacks the cross-package finding %v", cross)
	}

	// golangci-lint caches each package's issues, salted with the binary,
	// linters.settings, build tags and go.mod (v2.15.0 pkg/commands/run.go,
	// initHashSalt) and keyed by the package's Go files: an edit of
	// .credlint.toml alone replays the old findings. README's workaround:
	// `golangci-lint cache clean` after such an edit (or settings in
	// .golangci.yml, which salt the cache: tested below).
	tomlPath := filepath.Join(dir, ".credlint.toml")
	writeFile(t, tomlPath, "disable = [\"noretry\"]\n")
	if _, stale := lint(""); len(without(stale, isRule("noretry"))) != len(stale) {
		t.Logf("as documented: after an edit of .credlint.toml alone, golangci-lint replays %d cached findings", len(stale))
	}
	mustRun(t, dir, goEnv("GOLANGCI_LINT_CACHE="+cache), bin, "cache", "clean")
	if _, got := lint(""); len(got) == 0 || !slices.Equal(got, without(got, isRule("noretry"))) {
		t.Errorf("after golangci-lint cache clean, .credlint.toml's disable = [\"noretry\"] does not apply: %v", got)
	}
	os.Remove(tomlPath)
	mustRun(t, dir, goEnv("GOLANGCI_LINT_CACHE="+cache), bin, "cache", "clean")

	// Settings replace .credlint.toml files: the same schema, as YAML.
	r, got = lint("disable: [noretry]\nnoretry:\n  min-attempts: 2\n")
	if r.code != 1 && len(without(findings(base), isRule("noretry"))) > 0 {
		t.Errorf("golangci-lint with settings: exit %d\n%s", r.code, r.out)
	}
	if want := without(findings(base), isRule("noretry")); len(want) > 0 {
		sameFindings(t, "golangci-lint with disable: [noretry]", got, want)
	} else if len(got) != 0 {
		t.Errorf("golangci-lint with disable: [noretry]: %v, want nothing", got)
	}

	// //nolint:credlint on the line of a finding silences it. The target is
	// a one-line statement (on the line of a block statement, golangci-lint
	// would silence the whole block).
	target := crossPackage(t, base)
	src := filepath.Join(dir, filepath.FromSlash(target.File))
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[target.Line-1] += " //nolint:credlint // integration test"
	writeFile(t, src, strings.Join(lines, "\n"))
	_, got = lint("")
	sameFindings(t, "golangci-lint with //nolint:credlint", got, without(findings(base), func(f finding) bool {
		return f.File == target.File && f.Line == target.Line
	}))

	// An unknown setting stops golangci-lint with a message naming it.
	r, _ = lint("noretry:\n  min-atempts: 3\n")
	if r.code != 3 || !strings.Contains(r.out, `credlint settings: decoding settings: json: unknown field "min-atempts"`) {
		t.Errorf("golangci-lint with an unknown setting: exit %d, output:\n%s\nwant exit 3 and the unknown key", r.code, r.out)
	}
	r, _ = lint("enable: [noretyr]\n")
	if r.code != 3 || !strings.Contains(r.out, `credlint settings: enable: unknown rule "noretyr"`) {
		t.Errorf("golangci-lint with an unknown rule: exit %d, output:\n%s\nwant exit 3 and the rule", r.code, r.out)
	}
}

func isRule(rule string) func(finding) bool {
	return func(f finding) bool { return f.Rule == rule }
}

// golangciConfig is .golangci.example.yml's shape with the given settings
// (YAML, indented by the caller's two spaces per level).
func golangciConfig(settings string) string {
	var b strings.Builder
	b.WriteString(`version: "2"
linters:
  default: none
  enable: [credlint]
  settings:
    custom:
      credlint:
        type: module
        description: credlint
        original-url: github.com/credlint/credlint
`)
	if settings != "" {
		b.WriteString("        settings:\n")
		for _, l := range strings.Split(strings.TrimRight(settings, "\n"), "\n") {
			b.WriteString("          " + l + "\n")
		}
	}
	b.WriteString("issues:\n  max-issues-per-linter: 0\n  max-same-issues: 0\n")
	return b.String()
}

// golangciFindings reads golangci-lint's JSON report. The rule is the
// message's "<rule>: " prefix (the analyzer is named like the linter, so
// golangci-lint passes the message on unchanged).
func golangciFindings(t *testing.T, root string, data []byte) []finding {
	t.Helper()
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, data)
	}
	var fs []finding
	for _, is := range report.Issues {
		if is.FromLinter != "credlint" {
			t.Errorf("issue from linter %q: %s", is.FromLinter, is.Text)
			continue
		}
		rule, _, _ := strings.Cut(is.Text, ": ")
		fs = append(fs, finding{relFile(t, root, is.Pos.Filename), is.Pos.Line, rule})
	}
	return fs
}

// customGcl is what .custom-gcl.example.yml asks `golangci-lint custom`
// for: the golangci-lint version and credlint's plugin entry.
type customGcl struct {
	version    string // golangci-lint's
	module     string // the plugin entry's module:
	importPath string // its import:
}

// customGclExample reads .custom-gcl.example.yml (its top-level version
// and its one plugin entry; a line-based reading of this one file, not a
// YAML parser).
func customGclExample(t *testing.T) customGcl {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(), ".custom-gcl.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var c customGcl
	plugins := 0
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch strings.TrimSpace(key) {
		case "version":
			if !strings.HasPrefix(key, " ") {
				c.version = value
			}
		case "- module":
			plugins++
			c.module = value
		case "import":
			c.importPath = value
		}
	}
	if plugins != 1 || c.version == "" || c.module == "" || c.importPath == "" {
		t.Fatalf(".custom-gcl.example.yml: want a version and one plugin with module: and import:, got %+v (%d plugins)", c, plugins)
	}
	return c
}

// pluginsGo is the cmd/golangci-lint/plugins.go that `golangci-lint
// custom` writes (v2.15.0 pkg/commands/internal/imports.go,
// importsTemplate, gofmt-ed): a blank import per plugin.
func pluginsGo(imports ...string) string {
	var b strings.Builder
	b.WriteString("package main\n\nimport (\n")
	for _, imp := range imports {
		fmt.Fprintf(&b, "\t_ %q\n", imp)
	}
	b.WriteString(")\n")
	return b.String()
}

// golangciBinary returns golangci-lint v2.15.0 with the credlint plugin
// compiled in, built as `golangci-lint custom` builds it from
// .custom-gcl.example.yml, whose plugin entry has path: set to a checkout:
// here a fresh `git clone` of this repository (its HEAD: uncommitted
// changes are not in it). See customGclModule. The binary is cached in the
// user cache directory, keyed by the sources it is built from, so only the
// first run after a change pays for the build (minutes on a cold build
// cache); each test runs its own link or copy of it.
func golangciBinary(t *testing.T) string {
	t.Helper()
	gcl := customGclExample(t)
	if gcl.version != golangciVersion {
		t.Errorf(".custom-gcl.example.yml builds golangci-lint %s; the plugin targets %s", gcl.version, golangciVersion)
	}
	clone := cloneCheckout(t)
	key := sourceKey(t, clone, gcl)

	cacheDir := ""
	if d, err := os.UserCacheDir(); err == nil {
		cacheDir = filepath.Join(d, "credlint-integration")
	}
	name := "golangci-lint-" + golangciVersion + "-credlint-" + key
	// The test runs its own link or copy of the binary: another run (of
	// other sources) may replace the cached one meanwhile.
	local := filepath.Join(t.TempDir(), name)
	if cacheDir != "" && linkOrCopy(filepath.Join(cacheDir, name), local) == nil {
		t.Logf("golangci-lint with the plugin: cached %s", filepath.Join(cacheDir, name))
		return local
	}

	// path: makes golangci-lint run `go mod edit -replace <module>=<path>`.
	scratch := customGclModule(t, gcl, clone, goEnv(), "go", "mod", "edit", "-replace", gcl.module+"="+clone)
	// golangci-lint's own build command.
	ldflags := fmt.Sprintf("-s -w -X 'main.version=%s-custom-gcl' -X 'main.date=%s'", strings.TrimPrefix(golangciVersion, "v"), time.Now().UTC())
	mustRun(t, scratch, goEnv(), "go", "build", "-ldflags", ldflags, "-o", local, ".")
	if cacheDir == "" {
		return local
	}
	// Cache this build alone.
	os.MkdirAll(cacheDir, 0o755)
	old, _ := filepath.Glob(filepath.Join(cacheDir, "golangci-lint-*"))
	for _, o := range old {
		os.Remove(o)
	}
	tmp := filepath.Join(cacheDir, fmt.Sprintf("%s.tmp%d", name, os.Getpid()))
	if err := linkOrCopy(local, tmp); err != nil {
		t.Logf("caching golangci-lint: %v", err)
	} else if err := os.Rename(tmp, filepath.Join(cacheDir, name)); err != nil {
		t.Logf("caching golangci-lint: %v", err)
	}
	return local
}

// linkOrCopy makes dst a hard link to src, or an executable copy of it.
func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(dst, data, 0o755)
}

// customGclModule sets up what `golangci-lint custom` builds (v2.15.0
// pkg/commands/internal/builder.go) and returns its directory: a main
// package that is golangci-lint's own cmd/golangci-lint/main.go, verbatim,
// plus the plugins.go it generates; the plugin added to go.mod by the
// command given (for path: `go mod edit -replace`, for version: `go get`)
// run with env; `go mod tidy`. The one difference: the main package lives
// in a scratch module that requires golangci-lint from the module proxy
// instead of in a clone of golangci-lint's repository (GitHub). It checks
// that the plugin package comes from pluginDir and that golang.org/x/tools
// stays at golangci-lint's version.
func customGclModule(t *testing.T, gcl customGcl, pluginDir string, env []string, addPlugin ...string) string {
	t.Helper()
	scratch := filepath.Join(t.TempDir(), "golangci-lint")
	os.MkdirAll(scratch, 0o755)
	var mod struct{ Dir string }
	out := mustRun(t, scratch, env, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion)
	if err := json.Unmarshal([]byte(out), &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download golangci-lint: %v\n%s", err, out)
	}
	main, err := os.ReadFile(filepath.Join(mod.Dir, "cmd", "golangci-lint", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(scratch, "main.go"), string(main))
	writeFile(t, filepath.Join(scratch, "plugins.go"), pluginsGo(gcl.importPath))
	writeFile(t, filepath.Join(scratch, "go.mod"), fmt.Sprintf("module golangci-lint-custom\n\ngo 1.26.0\n\nrequire github.com/golangci/golangci-lint/v2 %s\n", golangciVersion))
	mustRun(t, scratch, env, addPlugin[0], addPlugin[1:]...)
	mustRun(t, scratch, env, "go", "mod", "tidy")
	// The plugin must not drag golangci-lint's bundled linters to another
	// x/tools than the one golangci-lint was released with.
	if v := strings.TrimSpace(mustRun(t, scratch, env, "go", "list", "-m", "-f", "{{.Version}}", "golang.org/x/tools")); v != "v0.52.0" {
		t.Errorf("golangci-lint with the plugin builds with golang.org/x/tools %s, want v0.52.0 (golangci-lint %s's)", v, golangciVersion)
	}
	if dir := strings.TrimSpace(mustRun(t, scratch, env, "go", "list", "-f", "{{.Module.Dir}}", gcl.importPath)); dir != pluginDir {
		t.Fatalf("%s comes from %s, want %s", gcl.importPath, dir, pluginDir)
	}
	return scratch
}

// cloneCheckout clones this checkout (git clone: its HEAD, nothing
// uncommitted) to a new directory and returns the clone's path.
func cloneCheckout(t *testing.T) string {
	t.Helper()
	root := repoRoot()
	if r := run(t, root, goEnv(), "git", "status", "--porcelain"); r.code != 0 {
		t.Fatalf("%s is not a git checkout (the test clones it as a user would): %s", root, r.out)
	} else if r.out != "" {
		t.Logf("the checkout has uncommitted changes; the test uses a clone of HEAD, without them")
	}
	clone := filepath.Join(t.TempDir(), "credlint")
	mustRun(t, root, goEnv(), "git", "clone", "-q", root, clone)
	return clone
}

// sourceKey hashes what the golangci-lint binary is built from: the Go
// version, the golangci-lint version, the plugin entry, and the clone's
// go.mod, go.sum and non-test Go files of the root module.
func sourceKey(t *testing.T, clone string, gcl customGcl) string {
	t.Helper()
	h := sha256.New()
	fmt.Fprintf(h, "%s %s %s %s\n", goVar(t, "GOVERSION"), golangciVersion, gcl.module, gcl.importPath)
	err := filepath.WalkDir(clone, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(clone, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel == "." {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
				return filepath.SkipDir // another module (examples, eval, ...)
			}
			return nil
		}
		name := d.Name()
		if name == "go.mod" || name == "go.sum" || strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(h, "%s %d\n", rel, len(data))
			h.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
