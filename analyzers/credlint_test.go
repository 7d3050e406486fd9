package analyzers_test

import (
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/internal/fixtures"
)

func TestMain(m *testing.M) { fixtures.Main(m) }

// TestRoot checks the root analyzer's filtering: excluded paths, _test.go
// files (off and on), generated files, packages that reach no SDK, and
// position order.
func TestRoot(t *testing.T) {
	results := fixtures.Run(t, analyzers.Analyzer, "./src/root/...")
	for _, r := range results {
		if !slices.IsSortedFunc(r.Diagnostics, func(a, b analysis.Diagnostic) int { return int(a.Pos - b.Pos) }) {
			t.Errorf("%s: diagnostics not in position order", r.Action)
		}
		for _, d := range r.Diagnostics {
			if d.Category == "" || d.Message[:len(d.Category)+2] != d.Category+": " {
				t.Errorf("diagnostic %q: category %q is not its message prefix", d.Message, d.Category)
			}
		}
	}
}

// TestRuleNames keeps config.Rules (which the config validates against) and
// the registered rule analyzers in step.
func TestRuleNames(t *testing.T) {
	for _, a := range analyzers.Rules {
		if !slices.Contains(config.Rules, a.Name) {
			t.Errorf("rule analyzer %q is not in config.Rules", a.Name)
		}
		if a.ResultType == nil || a.Doc == "" || a.URL == "" {
			t.Errorf("rule analyzer %q lacks a ResultType, Doc or URL", a.Name)
		}
	}
	if err := analysis.Validate([]*analysis.Analyzer{analyzers.Analyzer}); err != nil {
		t.Fatal(err)
	}
}

// MaxMessage is the length budget of a message after its "<rule>: "
// prefix: one sentence that an editor's or go vet's one-line output shows
// whole (construct, why it fails on ECS, provenance, fix). The mechanism
// is in docs/rules/<rule>.md, which each diagnostic's URL links.
const MaxMessage = 200

// TestMessageBudget runs the root analyzer over every fixture and checks
// that each message is one line of at most MaxMessage characters after
// its prefix, with a median of at most 160, so that essays cannot creep
// back.
func TestMessageBudget(t *testing.T) {
	var lens []int
	for _, r := range fixtures.Diagnostics(t, analyzers.Analyzer, "./src/...") {
		for _, d := range r.Diagnostics {
			_, text, ok := strings.Cut(d.Message, ": ")
			if !ok {
				t.Errorf("%s: message %q has no rule prefix", r.Pass.Fset.Position(d.Pos), d.Message)
				continue
			}
			n := utf8.RuneCountInString(text)
			lens = append(lens, n)
			if n > MaxMessage || strings.Contains(text, "\n") {
				t.Errorf("%s: message of %d characters (budget %d): %s", r.Pass.Fset.Position(d.Pos), n, MaxMessage, d.Message)
			}
		}
	}
	if len(lens) == 0 {
		t.Fatal("no diagnostics on the fixtures")
	}
	sort.Ints(lens)
	median := lens[len(lens)/2]
	t.Logf("%d fixture messages: median %d, max %d characters", len(lens), median, lens[len(lens)-1])
	if median > 160 {
		t.Errorf("median message length %d > 160", median)
	}
}
