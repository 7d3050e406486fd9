package rule_test

import (
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

// TestPanicBecomesError checks that a panicking rule returns an error that
// names the rule, the package and where it panicked, instead of crashing
// the driver.
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
	res, err := a.Run(fakePass(&sdk.Reach{SDKs: true}))
	if err == nil {
		t.Fatal("a panicking rule returned no error")
	}
	if _, ok := res.(finding.List); !ok {
		t.Errorf("result is %T, want finding.List", res)
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
		res, err := a.Run(pass)
		if err != nil {
			t.Fatal(err)
		}
		if got := ran == 1; got != tc.runs {
			t.Errorf("reach %+v, envOnly %v: ran %v, want %v", tc.reach, tc.envOnly, got, tc.runs)
		}
		if n := len(res.(finding.List)); n != ran {
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

func TestExtractDoc(t *testing.T) {
	for _, bad := range []string{"package boom\n", "// Package boom.\npackage boom\n", "// # Analyzer boom\n//\n// boom panics\npackage boom\n", "not go"} {
		if _, err := rule.ExtractDoc(bad, "boom"); err == nil {
			t.Errorf("ExtractDoc(%q) returned no error", bad)
		}
	}
}
