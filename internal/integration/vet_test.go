package integration

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestVet runs credlint as go vet's tool on the example module: the same
// findings as the standalone run (including one that crosses packages
// through a fact in vet's files), configuration found from each package's
// directory, go vet's exit status, and vet's cache ignoring a changed
// .credlint.toml until `go vet -a`.
func TestVet(t *testing.T) {
	integration(t)
	base := baseline(t)
	cross := crossPackage(t, base)

	dir := exampleModule(t, true)
	// A test-only config below the module root: vet runs the tool per
	// package, and credlint must find this file from the package directory.
	writeFile(t, filepath.Join(dir, "internal", "mirror", ".credlint.toml"), "disable = [\"noretry\"]\n")
	inMirror := func(f finding) bool { return f.Rule == "noretry" && strings.HasPrefix(f.File, "internal/mirror/") }
	if len(without(findings(base), func(f finding) bool { return !inMirror(f) })) == 0 {
		t.Fatalf("the example has no noretry finding in internal/mirror to disable; findings: %v", findings(base))
	}
	want := without(findings(base), inMirror)
	sameFindings(t, "standalone with internal/mirror/.credlint.toml", findings(standalone(t, dir)), want)

	vettool := "-vettool=" + credlint
	r := run(t, dir, goEnv(), "go", "vet", vettool, "./...")
	if r.code != 1 {
		t.Errorf("go vet with findings: exit %d, want 1 (go vet's status when its tool reports)\n%s", r.code, r.out)
	}
	got := textFindings(t, dir, r.out)
	sameFindings(t, "vet", got, want)
	if !contains(got, cross) {
		t.Errorf("vet lacks the cross-package finding %v", cross)
	}

	// Disable the rule of a package that has only that rule's findings:
	// vet's cached result (keyed by sources, tool and flags, not by the
	// config file) still reports it; `go vet -a` re-runs the tool.
	awsx := "./internal/awsx"
	writeFile(t, filepath.Join(dir, "internal", "awsx", ".credlint.toml"), "disable = [\"noretry\"]\n")
	if r := run(t, dir, goEnv(), "go", "vet", vettool, awsx); r.code != 1 || !strings.Contains(r.out, "noretry: ") {
		t.Errorf("go vet after a config change: exit %d, output:\n%s\nwant the cached noretry finding (README documents go vet -a); has vet started hashing config files?", r.code, r.out)
	}
	if r := run(t, dir, goEnv(), "go", "vet", "-a", vettool, awsx); r.code != 0 || strings.TrimSpace(r.out) != "" {
		t.Errorf("go vet -a after a config change: exit %d, output:\n%s\nwant 0 and nothing (clean)", r.code, r.out)
	}
}

func contains(fs []finding, f finding) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

// TestVetFixtures runs credlint standalone and as go vet's tool on every
// rule's fixtures and compares the (file, line, rule) sets. The fixtures
// hold the cross-package cases (helpers that return static credentials,
// clients, retry-disabling settings, SDK errors; classifiers; a package
// that reaches an SDK only behind an API without SDK types), whose facts
// travel in vet's files instead of memory.
func TestVetFixtures(t *testing.T) {
	integration(t)
	dir := filepath.Join(repoRoot(), "testdata")
	patterns := []string{"./src/staticcreds/...", "./src/globalclient/...", "./src/noretry/...", "./src/expiryerr/...", "./src/presignttl/...", "./src/norefresh/..."}
	sa := run(t, dir, goEnv(), credlint, append([]string{"-json"}, patterns...)...)
	if sa.code != 0 {
		t.Fatalf("credlint -json: exit %d\n%s", sa.code, sa.out)
	}
	want := findings(parseJSONTree(t, dir, []byte(sa.out)))
	if len(want) < 100 {
		t.Fatalf("only %d standalone findings on the fixtures", len(want))
	}
	r := run(t, dir, goEnv(), "go", append([]string{"vet", "-vettool=" + credlint}, patterns...)...)
	if r.code != 1 {
		t.Errorf("go vet: exit %d, want 1\n%s", r.code, r.out)
	}
	got := textFindings(t, dir, r.out)
	sameFindings(t, "vet on the fixtures", got, want)
	if !slices.ContainsFunc(got, func(f finding) bool { return f.Rule == "norefresh" }) {
		t.Errorf("go vet reports no norefresh finding on testdata/src/norefresh")
	}
}
