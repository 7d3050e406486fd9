package main_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/credlint/credlint/internal/fixtures"
)

// TestJSONOnce: a package with tests is analyzed twice (the package and
// its test variant, "p" and "p [p.test]"); -json lists each finding once,
// under the package's own ID, and -sarif has as many results.
func TestJSONOnce(t *testing.T) {
	const pkg = "./src/staticcreds/v2" // has v2_test.go: a test variant
	out, _, code := runSplit(t, fixtures.Dir(), "-json", pkg)
	if code != 0 {
		t.Fatalf("-json: exit %d\n%s", code, out)
	}
	var tree map[string]map[string][]struct{ Posn, End, Message string }
	if err := json.Unmarshal([]byte(out), &tree); err != nil {
		t.Fatalf("-json output is not the JSON tree: %v\n%s", err, out)
	}
	seen := map[string]string{}
	for id, byAnalyzer := range tree {
		if strings.Contains(id, " [") {
			t.Errorf("findings listed under the test variant %q: the package's own ID holds them", id)
		}
		for _, d := range byAnalyzer["credlint"] {
			k := d.Posn + " " + d.Message
			if other, ok := seen[k]; ok {
				t.Errorf("listed twice (under %q and %q): %s", other, id, k)
			}
			seen[k] = id
		}
	}
	if len(seen) == 0 {
		t.Fatalf("no findings in -json output:\n%s", out)
	}

	out, _, code = runSplit(t, fixtures.Dir(), "-sarif", pkg)
	if code != 3 {
		t.Fatalf("-sarif: exit %d\n%s", code, out)
	}
	var log struct {
		Runs []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if n := len(log.Runs[0].Results); n != len(seen) {
		t.Errorf("-sarif has %d results, -json %d findings", n, len(seen))
	}
}

// TestContextMasked: -c N prints the source around a finding with keys
// and secret literals masked, as the messages mask them.
func TestContextMasked(t *testing.T) {
	out, _, code := runSplit(t, fixtures.Dir(), "-c", "3", "./src/staticcreds/secrets")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, out)
	}
	for _, secret := range []string{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEBYaDHVzZXItdG9rZW4tZXhhbXBsZQ"} {
		if strings.Contains(out, secret) {
			t.Errorf("-c prints %s in full:\n%s", secret, out)
		}
	}
	// The context lines are there, masked: the const and the call.
	for _, want := range []string{
		"\nconst secretKey = \"wJal…EKEY\"\n",
		`credentials.NewStaticCredentialsProvider("AKIA…MPLE", "wJal…EKEY", "FwoG…BsZQ")`,
		`os.Setenv("AWS_ACCESS_KEY_ID", "AKIA…MPLE")`,
	} {
		if !regexp.MustCompile(`(?m)^\d+\t.*` + regexp.QuoteMeta(strings.Trim(want, "\n"))).MatchString(out) {
			t.Errorf("no context line with %q:\n%s", want, out)
		}
	}
}

// TestSARIFPartialFailure: in a module where one package does not
// type-check, -sarif still writes the other packages' results, with the
// error as a notification of the invocation, and exits 1; the driver
// carries credlint's version. The log is valid SARIF 2.1.0.
func TestSARIFPartialFailure(t *testing.T) {
	dir := fixtureCopy(t, "noretry/v1")
	os.MkdirAll(filepath.Join(dir, "broken"), 0o755)
	os.WriteFile(filepath.Join(dir, "broken", "b.go"), []byte("package broken\n\nimport _ \"github.com/aws/aws-sdk-go/aws\"\n\nvar x int = \"s\"\n"), 0o644)

	out, stderr, code := runSplit(t, dir, "-sarif", "./...")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (an error)\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	if !strings.Contains(stderr, "b.go:5") {
		t.Errorf("stderr lacks the type error:\n%s", stderr)
	}
	validateSARIF(t, []byte(out))
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Name, Version string }
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level   string
					Message struct{ Text string }
				}
			}
			Results []struct{ RuleID string }
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not a SARIF log: %v\n%s", err, out)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Version == "" {
		t.Error("the tool driver has no version")
	}
	if len(run.Results) == 0 {
		t.Errorf("no results: the other package's findings are lost\n%s", out)
	}
	for _, r := range run.Results {
		if r.RuleID != "noretry" {
			t.Errorf("result of rule %q, want noretry (from noretry/v1)", r.RuleID)
		}
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful true on a run with a package that does not type-check")
	}
	found := false
	for _, n := range inv.ToolExecutionNotifications {
		found = found || n.Level == "error" && strings.Contains(n.Message.Text, "b.go:5") && strings.Contains(n.Message.Text, "cannot use")
	}
	if !found {
		t.Errorf("no notification with the type error: %+v", inv.ToolExecutionNotifications)
	}
}

// validateSARIF validates a log against the vendored SARIF 2.1.0 schema
// (JSON Schema draft-04), offline.
func validateSARIF(t *testing.T, log []byte) {
	t.Helper()
	sch := fixtures.SARIFSchema(t)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, log)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, log)
	}
}
