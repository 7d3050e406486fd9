package sarif

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/credlint/credlint/internal/fixtures"
)

// schema compiles the vendored SARIF 2.1.0 schema (draft-04), offline.
func schema(t *testing.T) *jsonschema.Schema { return fixtures.SARIFSchema(t) }

func validate(t *testing.T, sch *jsonschema.Schema, log []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(log))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, log)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, log)
	}
}

var tool = Tool{
	Name:           "credlint",
	Version:        "v1.2.3",
	InformationURI: "https://github.com/credlint/credlint",
	Level:          "error",
	Rules: []Rule{
		{ID: "staticcreds", Description: "static credentials", HelpURI: "https://github.com/credlint/credlint/blob/main/docs/rules/staticcreds.md"},
		{ID: "noretry", Description: "retries off", HelpURI: "https://github.com/credlint/credlint/blob/main/docs/rules/noretry.md"},
	},
}

func TestConvert(t *testing.T) {
	base := t.TempDir()
	src := filepath.Join(base, "my pkg", "a.go")
	os.MkdirAll(filepath.Dir(src), 0o755)
	// "é" is 2 bytes but 1 UTF-16 unit; "😀" 4 bytes, 2 units.
	os.WriteFile(src, []byte("package a\n\nvar s = \"é😀\"; var x = f()\n"), 0o644)
	x := strings.Index("var s = \"é😀\"; var x = f()", "f()") + 1
	outside := filepath.Join(filepath.Dir(base), "elsewhere", "b.go")
	tree := map[string]map[string]any{
		"example.com/a": {"credlint": []map[string]any{
			{
				"category": "noretry", "posn": src + ":3:" + itoa(x), "end": src + ":3:" + itoa(x+3),
				"message":         "noretry: f returns aws.NopRetryer",
				"related":         []map[string]any{{"posn": outside + ":7:2", "end": outside + ":7:9", "message": "the knob"}},
				"suggested_fixes": []map[string]any{{"message": "drop it", "edits": []map[string]any{{"filename": src, "start": 30, "end": 33, "new": "g()"}}}},
			},
			{"category": "staticcreds", "posn": src + ":1:1", "end": src + ":1:8", "message": "staticcreds: literal key AKIA…MPLE"},
			{"category": "credlint", "posn": src + ":2", "end": "-", "message": "credlint: //credlint:ignore suppresses nothing"},
		}},
		// The test variant of the package reports the same diagnostic.
		"example.com/a [example.com/a.test]": {"credlint": []map[string]any{
			{"category": "staticcreds", "posn": src + ":1:1", "end": src + ":1:8", "message": "staticcreds: literal key AKIA…MPLE"},
		}},
	}
	data, _ := json.Marshal(tree)
	out, n, err := Convert(data, base, tool)
	if err != nil {
		t.Fatal(err)
	}
	validate(t, schema(t), out)
	if n != 3 {
		t.Errorf("%d results, want 3 (the duplicate dropped)", n)
	}

	// Read the log back into the types that wrote it.
	var log sarifLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if len(rules) != 3 || rules[2].ID != "credlint" || rules[1].HelpURI != tool.Rules[1].HelpURI {
		t.Errorf("rules %+v: want the two given and credlint added", rules)
	}
	r := run.Results
	if r[0].RuleID != "staticcreds" || r[0].RuleIndex != 0 || r[0].Message.Text != "literal key AKIA…MPLE" {
		t.Errorf("result 0: %+v", r[0])
	}
	if r[1].RuleID != "credlint" || r[1].RuleIndex != 2 || r[1].Locations[0].PhysicalLocation.Region.StartLine != 2 {
		t.Errorf("result 1: %+v", r[1])
	}
	loc := r[2].Locations[0].PhysicalLocation
	if loc.ArtifactLocation.URI != "my%20pkg/a.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact %+v: want a relative, percent-encoded URI", loc.ArtifactLocation)
	}
	// Byte column x is UTF-16 column x-3: "é" saves one unit, "😀" two.
	if got := loc.Region; got.StartLine != 3 || got.StartColumn != x-3 || got.EndColumn != x {
		t.Errorf("region %v: want line 3, columns %d..%d", got, x-3, x)
	}
	if rel := r[2].RelatedLocations; len(rel) != 1 || !strings.HasPrefix(rel[0].PhysicalLocation.ArtifactLocation.URI, "file:///") {
		t.Errorf("related %+v: want an absolute file URI outside the base", rel)
	}
	if len(r[2].Fixes) != 1 {
		t.Errorf("fixes %v", r[2].Fixes)
	}
}

func TestConvertEmpty(t *testing.T) {
	out, n, err := Convert([]byte("{}"), t.TempDir(), tool)
	if err != nil || n != 0 {
		t.Fatalf("Convert({}) = %d, %v", n, err)
	}
	validate(t, schema(t), out)
}

// TestConvertPartialFailure: a package that does not load is a
// notification of the invocation, said once (its test variant repeats
// it), at the error's position; the other packages' results are written.
func TestConvertPartialFailure(t *testing.T) {
	base := t.TempDir()
	broken := filepath.Join(base, "broken", "b.go")
	good := filepath.Join(base, "good", "g.go")
	typeErr := broken + `:3:13: cannot use "s" (untyped string constant) as int value in variable declaration`
	tree, _ := json.Marshal(map[string]map[string]any{
		"example.com/m/broken":                             {"credlint": map[string]string{"error": typeErr}},
		"example.com/m/broken [example.com/m/broken.test]": {"credlint": map[string]string{"error": typeErr}},
		"example.com/m/uses":                               {"credlint": map[string]string{"error": "example.com/m/uses not analyzed: a package it imports does not type-check"}},
		"example.com/m/good": {"credlint": []map[string]any{
			{"category": "noretry", "posn": good + ":5:2", "end": good + ":5:9", "message": "noretry: aws.NopRetryer disables retries"},
		}},
	})
	out, n, err := Convert(tree, base, tool, "credlint: "+typeErr, "credlint: loading ./other/...: no Go files")
	if err != nil {
		t.Fatal(err)
	}
	validate(t, schema(t), out)
	if n != 1 {
		t.Errorf("%d results, want the good package's 1", n)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct{ Version string }
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level     string
					Message   struct{ Text string }
					Locations []struct {
						PhysicalLocation struct {
							ArtifactLocation struct{ URI string }
							Region           struct{ StartLine, StartColumn int }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Version != tool.Version {
		t.Errorf("driver version %q, want %q", run.Tool.Driver.Version, tool.Version)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful is true on a run with a package that does not type-check")
	}
	var texts []string
	for _, n := range inv.ToolExecutionNotifications {
		texts = append(texts, n.Message.Text)
		if n.Level != "error" {
			t.Errorf("notification %q: level %q, want error", n.Message.Text, n.Level)
		}
	}
	want := []string{typeErr, "example.com/m/uses not analyzed: a package it imports does not type-check", "loading ./other/...: no Go files"}
	if !slices.Equal(texts, want) {
		t.Errorf("notifications:\n%s\nwant each error once:\n%s", strings.Join(texts, "\n"), strings.Join(want, "\n"))
	}
	if locs := inv.ToolExecutionNotifications[0].Locations; len(locs) != 1 || locs[0].PhysicalLocation.ArtifactLocation.URI != "broken/b.go" || locs[0].PhysicalLocation.Region.StartLine != 3 {
		t.Errorf("the type error's notification is not at broken/b.go:3: %+v", locs)
	}

	if _, _, err := Convert([]byte("not json"), t.TempDir(), tool); err == nil {
		t.Error("Convert(not json) succeeded")
	}
}

func TestParsePosn(t *testing.T) {
	for in, want := range map[string]posn{
		"/a/b.go:3:4":  {"/a/b.go", 3, 4},
		"/a/b.go:3":    {"/a/b.go", 3, 0},
		"C:\\a.go:3:4": {"C:\\a.go", 3, 4},
		"-":            {},
		"/a/x:y.go":    {"/a/x:y.go", 0, 0},
	} {
		if got := parsePosn(in); got != want {
			t.Errorf("parsePosn(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
