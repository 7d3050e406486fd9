package driver_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/analyzers/staticcreds"
	"github.com/credlint/credlint/internal/driver"
	"github.com/credlint/credlint/internal/fixtures"
)

// offlineEnv is the go command's environment for loading: the modules are
// in the cache (TestMain downloads them), nothing else is fetched.
var offlineEnv = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")

func TestMain(m *testing.M) {
	if err := fixtures.Setup(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, dir := range []string{exampleDir(), filepath.Join(twoModDir(), "app"), driverFixDir()} {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "go mod download in %s: %v\n%s", dir, err, out)
			os.Exit(1)
		}
	}
	os.Exit(m.Run())
}

func exampleDir() string   { return filepath.Join(fixtures.Dir(), "..", "examples") }
func twoModDir() string    { return filepath.Join(fixtures.Dir(), "twomod") }
func driverFixDir() string { return filepath.Join(fixtures.Dir(), "driverfix") }

// loadModes are the loaders compared with the all-source one: the default
// (export data the build cache holds, source for the rest) and -load=export
// (export data for every dependency, compiled when missing: a package
// outside the source set is then never type-checked here, whatever the
// cache held before).
var loadModes = []struct {
	name string
	cfg  driver.LoadConfig
}{
	{"default", driver.LoadConfig{}},
	{"export", driver.LoadConfig{Compile: true}},
}

// TestSameFindingsAsFullSource is the driver's differential test: on every
// fixture package, on the example module, on a narrow pattern whose
// findings need another package's facts, on a module whose helper lives in
// a second module, and on the layouts of testdata/driverfix (an SDK-free
// package whose facts matter, a package outside the set between two
// requested ones, a package that does not compile), the default loader and
// -load=export print exactly what the all-source loader prints (every
// package from source, as x/tools' singlechecker loads for analyzers with
// facts; credlint -load=source). A change that makes facts matter on
// packages outside the source set, or that gives a package two identities,
// fails here.
func TestSameFindingsAsFullSource(t *testing.T) {
	cases := []struct {
		name     string
		dir      string
		patterns []string
		// must are findings (file suffix and rule) the run must have, so
		// that "both found nothing" cannot pass.
		must []string
	}{
		{"fixtures", fixtures.Dir(), []string{"./src/..."}, []string{"noretry/v1/v1.go:", "staticcreds/v2/v2.go:44:12: staticcreds"}},
		{"example", exampleDir(), []string{"./..."}, []string{"storage/storage.go:46:20: noretry", "partner/partner_staticcreds.go:27:5: globalclient"}},
		// storage alone: its noretry finding comes from awsx's fact.
		{"narrow", exampleDir(), []string{"./internal/storage"}, []string{"storage/storage.go:46:20: noretry: awsx.NoRetries"}},
		// the helper is in another module: its facts still count.
		{"second module", filepath.Join(twoModDir(), "app"), []string{"./..."}, []string{"store/store.go:13:5: globalclient", "store/store.go:18:20: noretry: awsh.NoRetries"}},
		// vault imports no SDK: its facts come from reading AWS_*
		// variables (EnvOnly). keys, between model and store, imports a
		// requested package.
		{"env-only facts", driverFixDir(), []string{"./store", "./model"}, []string{"store/store.go:16:5: globalclient", "store/store.go:18:5: globalclient"}},
		// nobody does not compile; it is analyzed, and so is user.
		{"compile-only error", driverFixDir(), []string{"./user"}, []string{"user/user.go:15:62: noretry"}},
		// helpers is not requested: its facts (credentials from the
		// environment through helper calls, an operation's error through
		// a package variable, classifiers by text and by call, an option
		// that disables retries) come from function bodies that name no
		// SDK symbol, which the default loader must still type-check.
		{"fact bodies", driverFixDir(), []string{"./app"}, []string{"app/app.go:13:5: globalclient: client (*s3.Client) is process-wide (set at its declaration) on env keys", "app/app.go:13:92: noretry: helpers.Options", "app/app.go:19:13: expiryerr: helpers.Retry", "app/app.go:40:23: expiryerr: expiry is found by text (in helpers.IsExpired"}},
		// acl (SDK data-type tables) and catalog (acl's importer) leave
		// the source set; wrap (a client through a variable and an
		// embedding) and box (wrap's embedding) stay: shop's findings
		// need their facts. plain reaches the SDK only through catalog.
		{"not factful", driverFixDir(), []string{"./shop", "./plain"}, factfulMust},
		{"driverfix", driverFixDir(), []string{"./..."}, []string{"nobody/nobody.go:14:62: noretry", "user/user.go:15:62: noretry", "store/store.go:16:5: globalclient"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := output(t, c.dir, c.patterns, driver.LoadConfig{AllSource: true})
			for _, m := range c.must {
				if !strings.Contains(want, m) {
					t.Errorf("no finding %q in\n%s", m, want)
				}
			}
			for _, mode := range loadModes {
				got := output(t, c.dir, c.patterns, mode.cfg)
				if got != want {
					t.Errorf("the %s loader and the all-source loader disagree\n--- %s:\n%s\n--- all source:\n%s", mode.name, mode.name, got, want)
				}
			}
		})
	}
}

// TestSameFindingsOnEmptyCache: the default loader on an empty build cache
// (a first run: nothing compiled, every dependency type-checked from
// source) prints what the all-source loader prints.
func TestSameFindingsOnEmptyCache(t *testing.T) {
	cache := t.TempDir()
	t.Cleanup(func() { exec.Command("chmod", "-R", "u+w", cache).Run() }) // go's cache files are read-only
	cfg := driver.LoadConfig{Env: append(slices.Clip(offlineEnv), "GOCACHE="+cache)}
	for _, c := range []struct {
		dir      string
		patterns []string
	}{
		{driverFixDir(), []string{"./..."}},
		{driverFixDir(), []string{"./shop", "./plain"}}, // acl, catalog, listing leave the set: from source
		{exampleDir(), []string{"./internal/storage", "./internal/partner"}},
	} {
		want := output(t, c.dir, c.patterns, driver.LoadConfig{AllSource: true})
		if got := output(t, c.dir, c.patterns, cfg); got != want {
			t.Errorf("%s %v: the default loader on an empty cache and the all-source loader disagree\n--- empty cache:\n%s\n--- all source:\n%s", c.dir, c.patterns, got, want)
		}
	}
}

// TestMissingExportData: a dependency whose export data is unavailable (a
// build cache trimmed during the run) and what imports it are type-checked
// from source: the findings are those of a run with export data, and
// nothing is said about the missing file.
func TestMissingExportData(t *testing.T) {
	want := output(t, exampleDir(), []string{"./..."}, driver.LoadConfig{AllSource: true})
	for _, dep := range []string{"github.com/aws/aws-sdk-go-v2/service/s3", "github.com/aws/smithy-go", "net/http"} {
		for _, mode := range loadModes {
			t.Run(mode.name+"/"+dep, func(t *testing.T) {
				hidden := 0
				restore := driver.SetExportFileUsable(func(path, file string) bool {
					if path == dep {
						hidden++
						return false
					}
					_, err := os.Stat(file)
					return err == nil
				})
				defer restore()
				got := output(t, exampleDir(), []string{"./..."}, mode.cfg)
				if got != want {
					t.Errorf("without the export data of %s the findings differ\n--- got:\n%s\n--- want:\n%s", dep, got, want)
				}
				if hidden == 0 && mode.cfg.Compile {
					t.Errorf("no export data of %s was hidden", dep)
				}
			})
		}
	}
}

// output runs the driver with the load configuration (text mode, absolute
// paths, tests loaded, in dir with the offline environment unless cfg has
// one) and returns what it prints on stdout; an error fails the test.
func output(t *testing.T, dir string, patterns []string, cfg driver.LoadConfig) string {
	t.Helper()
	stdout, stderr, code := runDriverConfig(dir, analyzers.Analyzer, cfg, patterns...)
	if code == driver.ExitError && !(cfg.Compile && strings.Contains(stderr, "missing function body")) || !cfg.Compile && stderr != "" {
		t.Fatalf("driver (all source %v, compile %v): exit %d\n%s", cfg.AllSource, cfg.Compile, code, stderr)
	}
	return stdout
}

// runDriver runs analyzer a with the driver in dir (text mode, absolute
// paths, tests loaded) and returns what it printed and its exit status.
func runDriver(dir string, a *analysis.Analyzer, allSource bool, patterns ...string) (stdout, stderr string, code int) {
	return runDriverConfig(dir, a, driver.LoadConfig{AllSource: allSource}, patterns...)
}

// runDriverConfig is runDriver with a load configuration (Dir, Tests and,
// if unset, Env are filled in).
func runDriverConfig(dir string, a *analysis.Analyzer, cfg driver.LoadConfig, patterns ...string) (stdout, stderr string, code int) {
	var out, errOut strings.Builder
	cfg.Dir, cfg.Tests = dir, true
	if cfg.Env == nil {
		cfg.Env = offlineEnv
	}
	code = driver.Run(context.Background(), a, driver.Options{
		LoadConfig: cfg,
		Context:    -1,
		Stdout:     &out,
		Stderr:     &errOut,
	}, patterns...)
	return out.String(), errOut.String(), code
}

// TestSourceSet checks which packages the driver loads from source on the
// example module: the requested ones and the SDK-reaching helpers, never
// the SDKs or the standard library.
func TestSourceSet(t *testing.T) {
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps,
		Dir:  exampleDir(),
		Env:  offlineEnv,
	}, "./internal/storage")
	if err != nil {
		t.Fatal(err)
	}
	set := driver.SourceSet(pkgs)
	var got []string
	for _, id := range driver.SortedIDs(set) {
		got = append(got, id)
	}
	want := []string{"example.com/worker/internal/awsx", "example.com/worker/internal/storage"}
	if !slices.Equal(got, want) {
		t.Errorf("source set of ./internal/storage = %v, want %v", got, want)
	}
}

// fileWriter returns a function that writes a file below dir.
func fileWriter(t *testing.T, dir string) func(name, data string) {
	return func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestTypeErrorOnce: a package that does not type-check is one clear error
// (not the go command's compiler output again, not the internal analyzers'
// "failed prerequisites"), and the other packages are still analyzed.
func TestTypeErrorOnce(t *testing.T) {
	dir := t.TempDir()
	write := fileWriter(t, dir)
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("a/a.go", "package a\n\nvar x int = \"s\"\n")
	write("b/b.go", "package b\n\nimport _ \"example.com/m/a\"\n")
	write("c/c.go", "package c\n\nfunc f() {}\n")
	_, errs, code := runDriver(dir, analyzers.Analyzer, false, "./...")
	if code != driver.ExitError {
		t.Errorf("exit %d, want %d", code, driver.ExitError)
	}
	if n := strings.Count(errs, "cannot use \"s\""); n != 1 {
		t.Errorf("the type error is said %d times, want once:\n%s", n, errs)
	}
	for _, internal := range []string{"credflow", "prerequisites", "analysis skipped", "# example.com"} {
		if strings.Contains(errs, internal) {
			t.Errorf("stderr mentions %q:\n%s", internal, errs)
		}
	}
	if !strings.Contains(errs, "example.com/m/b not analyzed") {
		t.Errorf("stderr does not say that b (which imports a) was not analyzed:\n%s", errs)
	}
}

// TestRulePanicOnce checks that a rule that panics (built with the rule
// harness) does not crash the run nor hide the other rules' findings: the
// CLI says once, in one line, which rule failed on which package and
// where, without the driver's internals, prints the other rules' findings
// and exits 1.
func TestRulePanicOnce(t *testing.T) {
	dir := t.TempDir()
	write := fileWriter(t, dir)
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	// An environment-only package: relevant to rules with EnvOnly
	// (staticcreds reports the Setenv), no SDK needed.
	write("a/a.go", "package a\n\nimport \"os\"\n\nfunc f(v string) { os.Setenv(\"AWS_SESSION_TOKEN\", v) }\n")
	write("a/a_test.go", "package a\n\nimport \"testing\"\n\nfunc TestF(t *testing.T) { f(\"\") }\n")
	write("b/b.go", "package b\n\nimport (\n\t\"os\"\n\n\t_ \"example.com/m/a\"\n)\n\nfunc g(v string) { os.Setenv(\"AWS_ACCESS_KEY_ID\", v) }\n")
	boom := rule.New(rule.Rule{
		Name:    "boom",
		Doc:     "// Package boom panics.\n//\n// # Analyzer boom\n//\n// boom: panic\npackage boom\n",
		EnvOnly: true,
		Run: func(p *rule.Pass) (finding.List, error) {
			if p.Pkg.Path() != "example.com/m/a" {
				return nil, nil
			}
			var m map[string]int
			m["x"]++
			return nil, nil
		},
	})
	stdout, errs, code := runDriver(dir, analyzers.New(staticcreds.Analyzer, boom), false, "./...")
	if code != driver.ExitError {
		t.Errorf("exit %d, want %d", code, driver.ExitError)
	}
	if n := strings.Count(errs, "rule boom failed on package example.com/m/a:"); n != 1 {
		t.Errorf("the panic is said %d times, want once:\n%s", n, errs)
	}
	for _, want := range []string{"assignment to entry in nil map", "driver/driver_test.go:"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not say %q:\n%s", want, errs)
		}
	}
	for _, internal := range []string{"prerequisites", "goroutine", "example.com/m/b"} {
		if strings.Contains(errs, internal) {
			t.Errorf("stderr mentions %q:\n%s", internal, errs)
		}
	}
	// staticcreds still reports in the package where boom panicked and in
	// the package that imports it.
	for _, want := range []string{"a.go:5:", "b.go:9:"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout has no staticcreds finding at %s:\n%s", want, stdout)
		}
	}
	t.Logf("stdout:\n%s\nstderr:\n%s", stdout, errs)
}

// TestDependencyErrorOnce: a dependency outside the source set that does
// not type-check (so has no export data) is said once, by its own error,
// in every loading mode; its importers are not analyzed and do not repeat
// it as "could not import". One that type-checks but does not compile is
// analyzed where requested and its importers are; with -load=export (the
// only mode that compiles) the compiler's error is said once, as go build
// says it.
func TestDependencyErrorOnce(t *testing.T) {
	dir := t.TempDir()
	write := fileWriter(t, dir)
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("a/a.go", "package a\n\nvar X int = \"s\"\n")
	write("b/b.go", "package b\n\nimport \"example.com/m/a\"\n\nvar Y = a.X\n")
	write("c/c.go", "package c\n\nimport \"example.com/m/b\"\n\nvar Z = b.Y\n")
	write("d/d.go", "package d\n\nfunc Now() int64\n")
	write("e/e.go", "package e\n\nimport \"example.com/m/d\"\n\nvar T = d.Now\n")
	for _, mode := range loadModes {
		t.Run(mode.name, func(t *testing.T) {
			_, errs, code := runDriverConfig(dir, analyzers.Analyzer, mode.cfg, "./c")
			if code != driver.ExitError {
				t.Errorf("exit %d, want %d", code, driver.ExitError)
			}
			if n := strings.Count(errs, "cannot use \"s\""); n != 1 {
				t.Errorf("the type error is said %d times, want once:\n%s", n, errs)
			}
			for _, repeat := range []string{"could not import", "# example.com"} {
				if strings.Contains(errs, repeat) {
					t.Errorf("stderr repeats the error (%q):\n%s", repeat, errs)
				}
			}
			_, errs, code = runDriverConfig(dir, analyzers.Analyzer, mode.cfg, "./e")
			want, wantCode := "", driver.ExitClean
			if mode.cfg.Compile {
				want, wantCode = "# example.com/m/d\nd/d.go:3:6: missing function body\n", driver.ExitError
			}
			if errs != want || code != wantCode {
				t.Errorf("./e: exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", code, errs, wantCode, want)
			}
		})
	}
}

// TestTestVariantStandsIn: a package whose test variant is requested too
// is analyzed once, as the variant (it holds every file of the package),
// and prints what analyzing both prints, in text and JSON (findings of the
// package's own files under its own ID); the package alone is not even
// type-checked when nothing analyzed imports it. A variant that does not
// type-check (a broken _test.go file) does not stand in: the package's
// findings are still reported, and the test file's error.
func TestTestVariantStandsIn(t *testing.T) {
	for _, c := range []struct {
		dir       string
		patterns  []string
		allSource bool
		must      string
	}{
		{fixtures.Dir(), []string{"./src/..."}, false, "lifetime/lifetime.go:"},
		{exampleDir(), []string{"./..."}, false, "storage/storage.go:46:20: noretry"},
		{driverFixDir(), []string{"./testdata/brokentest"}, false, "brokentest/brokentest.go:12:62: noretry"},
		{driverFixDir(), []string{"./testdata/brokentest"}, true, "brokentest/brokentest.go:12:62: noretry"},
	} {
		for _, json := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/source=%v/json=%v", filepath.Base(c.dir), c.allSource, json), func(t *testing.T) {
				run := func(standIn bool) string {
					defer driver.SetStandIn(standIn)()
					var out, errOut strings.Builder
					code := driver.Run(context.Background(), analyzers.Analyzer, driver.Options{
						LoadConfig: driver.LoadConfig{Dir: c.dir, Env: offlineEnv, Tests: true, AllSource: c.allSource},
						JSON:       json,
						Context:    -1,
						Stdout:     &out,
						Stderr:     &errOut,
					}, c.patterns...)
					return fmt.Sprintf("exit %d\n%s--- stderr:\n%s", code, out.String(), errOut.String())
				}
				got, want := run(true), run(false)
				if got != want {
					t.Errorf("the test variant in place of its package and both analyzed disagree\n--- variant only:\n%s\n--- both:\n%s", got, want)
				}
				if !json && !strings.Contains(want, c.must) {
					t.Errorf("no finding %q in\n%s", c.must, want)
				}
			})
		}
	}

	prog, err := driver.Load(context.Background(), driver.LoadConfig{Dir: fixtures.Dir(), Env: offlineEnv, Tests: true}, "./src/globalclient/lifetime")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range prog.Roots {
		ids = append(ids, p.ID)
	}
	const variant = "credlint.test/src/globalclient/lifetime [credlint.test/src/globalclient/lifetime.test]"
	if prog.Source["credlint.test/src/globalclient/lifetime"] != nil || prog.StandsIn[variant] == nil {
		t.Errorf("globalclient/lifetime is loaded twice: roots %q", ids)
	}
}
