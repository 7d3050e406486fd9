package rule_test

import (
	"errors"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/sdk"
)

const boomDoc = `// Package boom is a rule that panics.
//
// # Analyzer boom
//
// boom: panic on every package
//
// It panics.
package boom
`

// fakePass is a pass over an empty package with the results New's
// preamble reads.
func fakePass(reach *sdk.Reach) *analysis.Pass {
	return &analysis.Pass{
		Fset: token.NewFileSet(),
		Pkg:  types.NewPackage("example.com/svc", "svc"),
		ResultOf: map[*analysis.Analyzer]any{
			sdk.Analyzer:    reach,
			config.Analyzer: &config.Config{},
		},
	}
}

// TestPanicBecomesError checks that a panicking rule's Result carries an
// error that names the rule, the package and where it panicked, and that
// the analyzer itself succeeds (the other rules, and this one in other
// packages, go on).
func TestPanicBecomesError(t *testing.T) {
	a := rule.New(rule.Rule{
		Name: "boom",
		Doc:  boomDoc,
		Run: func(*rule.Pass) (finding.List, error) {
			var m map[string]int
			m["x"]++ // panics: assignment to entry in nil map
			return nil, nil
		},
	})
	out, runErr := a.Run(fakePass(&sdk.Reach{SDKs: true}))
	if runErr != nil {
		t.Fatalf("the analyzer failed: %v", runErr)
	}
	res, ok := out.(*rule.Result)
	if !ok {
		t.Fatalf("result is %T, want *rule.Result", out)
	}
	err := res.Err
	if err == nil {
		t.Fatal("a panicking rule's result has no error")
	}
	if res.Findings != nil {
		t.Errorf("a panicking rule has findings: %v", res.Findings)
	}
	for _, want := range []string{"rule boom", "example.com/svc", "assignment to entry in nil map", "rule/rule_test.go:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error is more than one line: %q", err)
	}
}

// TestPreamble checks the shared preamble: a package that reaches no SDK
// is skipped (unless the rule runs on environment-only packages), and the
// rule gets the config and, when it asks, the credflow result.
func TestPreamble(t *testing.T) {
	ran := 0
	for _, tc := range []struct {
		reach   *sdk.Reach
		envOnly bool
		runs    bool
	}{
		{&sdk.Reach{SDKs: true}, false, true},
		{&sdk.Reach{SDKs: true, Own: true}, false, false},
		{&sdk.Reach{}, false, false},
		{&sdk.Reach{Env: true}, false, false},
		{&sdk.Reach{Env: true}, true, true},
	} {
		ran = 0
		flow := &credflow.Flow{}
		a := rule.New(rule.Rule{
			Name:    "boom",
			Doc:     boomDoc,
			EnvOnly: tc.envOnly,
			Flow:    true,
			Run: func(p *rule.Pass) (finding.List, error) {
				ran++
				if p.Config == nil || p.Reach != tc.reach || p.Flow != flow {
					t.Errorf("pass not filled in: %+v", p)
				}
				return finding.List{{Message: "x"}}, nil
			},
		})
		pass := fakePass(tc.reach)
		pass.ResultOf[credflow.Analyzer] = flow
		out, err := a.Run(pass)
		if err != nil {
			t.Fatal(err)
		}
		res := out.(*rule.Result)
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		if got := ran == 1; got != tc.runs {
			t.Errorf("reach %+v, envOnly %v: ran %v, want %v", tc.reach, tc.envOnly, got, tc.runs)
		}
		if n := len(res.Findings); n != ran {
			t.Errorf("%d findings, want %d", n, ran)
		}
	}
	a := rule.New(rule.Rule{Name: "boom", Doc: boomDoc, Run: func(*rule.Pass) (finding.List, error) { return nil, nil }})
	if a.Doc != "panic on every package\n\nIt panics." {
		t.Errorf("Doc = %q", a.Doc)
	}
	if a.URL != "https://github.com/credlint/credlint/blob/main/docs/rules/boom.md" {
		t.Errorf("URL = %q", a.URL)
	}
	if len(a.Requires) != 2 {
		t.Errorf("a rule without Flow requires %v", a.Requires)
	}
}

// TestRunError checks that an error of a rule's Run is its Result's error,
// prefixed with the rule's name.
func TestRunError(t *testing.T) {
	a := rule.New(rule.Rule{Name: "boom", Doc: boomDoc, Run: func(*rule.Pass) (finding.List, error) {
		return finding.List{{Message: "x"}}, errors.New("bad input")
	}})
	out, err := a.Run(fakePass(&sdk.Reach{SDKs: true}))
	if err != nil {
		t.Fatal(err)
	}
	if res := out.(*rule.Result); res.Err == nil || res.Err.Error() != "rule boom: bad input" || res.Findings != nil {
		t.Errorf("result %+v, want error \"rule boom: bad input\" and no findings", res)
	}
}

func TestExtractDoc(t *testing.T) {
	for _, bad := range []string{"package boom\n", "// Package boom.\npackage boom\n", "// # Analyzer boom\n//\n// boom panics\npackage boom\n", "not go"} {
		if _, err := rule.ExtractDoc(bad, "boom"); err == nil {
			t.Errorf("ExtractDoc(%q) returned no error", bad)
		}
	}
}
