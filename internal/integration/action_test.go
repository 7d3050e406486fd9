package integration

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestAction runs the GitHub Action's run step (action/run.sh) as
// action.yml runs it — with the environment it sets, in the repository
// root — on the example module (findings), a clean module and a module
// that does not type-check, and checks the SARIF file, the step's outputs
// and its exit status: findings do not fail the step (the upload comes
// next) unless fail-on-findings is true; an error fails it and leaves no
// SARIF file to upload.
func TestAction(t *testing.T) {
	integration(t)
	script := filepath.Join(repoRoot(), "action", "run.sh")
	runner := t.TempDir() // RUNNER_TEMP: the build of credlint is cached between the runs
	step := func(workspace string, inputs ...string) (result, map[string]string) {
		t.Helper()
		outputs := filepath.Join(t.TempDir(), "github_output")
		env := goEnv("CREDLINT_SOURCE="+repoRoot(), "CREDLINT_REF=v0.0.0-action-test", "RUNNER_TEMP="+runner,
			"GITHUB_OUTPUT="+outputs, "INPUT_PATTERNS=./...", "INPUT_ARGS=", "INPUT_SARIF_FILE=credlint.sarif",
			"INPUT_FAIL_ON_FINDINGS=false")
		r := run(t, workspace, append(env, inputs...), "bash", script)
		out := map[string]string{}
		data, _ := os.ReadFile(outputs)
		for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if k, v, ok := strings.Cut(line, "="); ok {
				out[k] = v
			}
		}
		return r, out
	}

	// Findings: exit 0, the SARIF file written, exit-code=3.
	worker := exampleModule(t, false)
	r, out := step(worker)
	if r.code != 0 || out["exit-code"] != "3" || out["sarif-file"] != "credlint.sarif" {
		t.Errorf("on findings: exit %d, outputs %v; want exit 0, exit-code=3, sarif-file=credlint.sarif\n%s", r.code, out, r.out)
	}
	if n := sarifResults(t, filepath.Join(worker, "credlint.sarif")); n != len(baseline(t)) {
		t.Errorf("the SARIF file holds %d results; credlint -json finds %d", n, len(baseline(t)))
	}
	if v := sarifVersion(t, filepath.Join(worker, "credlint.sarif")); v != "v0.0.0-action-test" {
		t.Errorf("the SARIF log's tool version is %q, want the action's ref v0.0.0-action-test", v)
	}
	// (With the commit too when the go command stamps VCS information:
	// the action's files are a git checkout here, not on GitHub.)
	if !regexp.MustCompile(`(?m)^credlint v0\.0\.0-action-test[ ,]`).MatchString(r.out) {
		t.Errorf("credlint -version in the step's log does not carry the action's ref:\n%s", r.out)
	}

	// fail-on-findings: exit 3, and still the file (in a directory the
	// script makes) and the outputs the upload step needs.
	r, out = step(worker, "INPUT_FAIL_ON_FINDINGS=true", "INPUT_SARIF_FILE=out/c.sarif", "INPUT_PATTERNS=./internal/... ./cmd/...")
	if r.code != 3 || out["exit-code"] != "3" || out["sarif-file"] != "out/c.sarif" {
		t.Errorf("on findings with fail-on-findings: exit %d, outputs %v; want exit 3, exit-code=3, sarif-file=out/c.sarif\n%s", r.code, out, r.out)
	}
	if n := sarifResults(t, filepath.Join(worker, "out", "c.sarif")); n <= 0 {
		t.Errorf("with fail-on-findings: %d SARIF results", n)
	}

	// No findings: exit 0, exit-code=0, a SARIF log without results.
	clean := miniModule(t, map[string]string{"main.go": "package main\n\nfunc main() {}\n"})
	r, out = step(clean, "INPUT_FAIL_ON_FINDINGS=true", "INPUT_ARGS=-test=false")
	if r.code != 0 || out["exit-code"] != "0" || sarifResults(t, filepath.Join(clean, "credlint.sarif")) != 0 {
		t.Errorf("without findings: exit %d, outputs %v; want exit 0, exit-code=0\n%s", r.code, out, r.out)
	}

	// A package that does not type-check: the step fails, and the log
	// credlint still writes (the error as a notification) is uploaded.
	broken := miniModule(t, map[string]string{"main.go": "package main\n\nfunc main() { undefined() }\n"})
	r, out = step(broken)
	if _, err := os.Stat(filepath.Join(broken, "credlint.sarif")); r.code != 1 || out["exit-code"] != "1" || err != nil {
		t.Errorf("on a type error: exit %d, outputs %v, SARIF file: %v; want exit 1, exit-code=1 and the partial log\n%s", r.code, out, err, r.out)
	}

	// An error before any log is written (a bad flag): no file, no outputs, no upload.
	r, out = step(worker, "INPUT_ARGS=-no-such-flag")
	if _, err := os.Stat(filepath.Join(worker, "credlint.sarif")); r.code != 1 || len(out) != 0 || err == nil {
		t.Errorf("on a bad flag: exit %d, outputs %v, SARIF file left: %v; want exit 1, nothing\n%s", r.code, out, err == nil, r.out)
	}

	checkActionYAML(t)
}

// sarifResults returns the number of results in a SARIF log.
func sarifResults(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return -1
	}
	var log struct {
		Version string
		Runs    []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Errorf("%s is not a SARIF 2.1.0 log of one run: %v", path, err)
		return -1
	}
	return len(log.Runs[0].Results)
}

// sarifVersion returns the tool version a SARIF log names.
func sarifVersion(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Error(err)
		return ""
	}
	var log struct {
		Runs []struct {
			Tool struct{ Driver struct{ Version string } }
		}
	}
	if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
		t.Errorf("%s: %v", path, err)
		return ""
	}
	return log.Runs[0].Tool.Driver.Version
}

// checkActionYAML checks that action.yml runs action/run.sh with every
// variable the script reads, each from an input that exists, and uploads
// only a SARIF file the step reported (a line-based reading, not a YAML
// parser).
func checkActionYAML(t *testing.T) {
	t.Helper()
	action, err := os.ReadFile(filepath.Join(repoRoot(), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(repoRoot(), "action", "run.sh"))
	if err != nil {
		t.Fatal(err)
	}
	yml := string(action)
	if !strings.Contains(yml, `run: bash "$CREDLINT_SOURCE/action/run.sh"`) || !strings.Contains(yml, "CREDLINT_SOURCE: ${{ github.action_path }}") {
		t.Error("action.yml does not run action/run.sh from the action's checkout")
	}
	inputs := map[string]bool{}
	inInputs := false
	for _, line := range strings.Split(yml, "\n") {
		switch {
		case line == "inputs:":
			inInputs = true
		case line != "" && !strings.HasPrefix(line, " "):
			inInputs = false
		case inInputs && strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "   ") && strings.HasSuffix(line, ":"):
			inputs[strings.TrimSuffix(strings.TrimSpace(line), ":")] = true
		}
	}
	for _, m := range regexp.MustCompile(`\$\{(INPUT_[A-Z_]+)`).FindAllStringSubmatch(string(script), -1) {
		v := m[1]
		input := strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(v, "INPUT_")), "_", "-")
		if !strings.Contains(yml, v+": ${{ inputs."+input+" }}") || !inputs[input] {
			t.Errorf("action.yml does not set %s from an input %q (inputs: %v)", v, input, slices.Sorted(maps.Keys(inputs)))
		}
	}
	if !strings.Contains(yml, "if: ${{ !cancelled() && inputs.upload == 'true' && steps.credlint.outputs.sarif-file != '' }}") {
		t.Error("action.yml's upload step does not run after a step that failed on findings, or runs without a SARIF file")
	}
}
