package driver_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"testing"

	"github.com/credlint/credlint/internal/driver"
)

// TestPrintJSONOnce: a finding of a package and of its test variant is
// listed once, under the package's own ID; a finding only the variant has
// (a _test.go file) under the variant's; a package whose entry is its
// error does not take the finding away from the variant that has it.
func TestPrintJSONOnce(t *testing.T) {
	at := func(file string, line int, msg string) driver.Finding {
		p := token.Position{Filename: file, Line: line, Column: 2}
		return driver.Finding{Posn: p, End: p, Category: "noretry", Message: "noretry: " + msg}
	}
	shared, inTest := at("/m/p/p.go", 3, "shared"), at("/m/p/p_test.go", 5, "test only")
	other := at("/m/q/q.go", 7, "q")
	res := &driver.Result{Packages: []driver.PackageResult{
		// go list order puts the variant first here on purpose.
		{ID: "example.com/m/p [example.com/m/p.test]", Findings: []driver.Finding{shared, inTest}},
		{ID: "example.com/m/p", Findings: []driver.Finding{shared}},
		{ID: "example.com/m/q", Err: "q.go:1: broken", Findings: []driver.Finding{other}},
		{ID: "example.com/m/q [example.com/m/q.test]", Findings: []driver.Finding{other}},
	}}
	var buf bytes.Buffer
	if err := res.PrintJSON(&buf, "credlint"); err != nil {
		t.Fatal(err)
	}
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &tree); err != nil {
		t.Fatal(err)
	}
	messages := func(id string) []string {
		var ds []struct{ Message string }
		json.Unmarshal(tree[id]["credlint"], &ds)
		var out []string
		for _, d := range ds {
			out = append(out, d.Message)
		}
		return out
	}
	for id, want := range map[string]string{
		"example.com/m/p":                        "[noretry: shared]",
		"example.com/m/p [example.com/m/p.test]": "[noretry: test only]",
		"example.com/m/q [example.com/m/q.test]": "[noretry: q]",
	} {
		if got := fmt.Sprint(messages(id)); got != want {
			t.Errorf("%s: %s, want %s\n%s", id, got, want, buf.Bytes())
		}
	}
	var e struct{ Error string }
	if json.Unmarshal(tree["example.com/m/q"]["credlint"], &e); e.Error != "q.go:1: broken" {
		t.Errorf("q's entry is not its error:\n%s", buf.Bytes())
	}
}
