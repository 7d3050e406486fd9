package analyzers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/config"
)

// TestRuleDocsAgree checks that the places that list the rules agree: the
// analyzer list (analyzers.Rules), the config's rule names (config.Rules),
// the pages in docs/rules, the README's rules table and the root
// analyzer's Doc. Each rule's own text has one source, its doc.go: Doc
// (and from it the SARIF rule description) is extracted from there.
func TestRuleDocsAgree(t *testing.T) {
	var names []string
	for _, a := range analyzers.Rules {
		names = append(names, a.Name)
		if a.URL != rule.URL(a.Name) {
			t.Errorf("%s: URL %q, want %q", a.Name, a.URL, rule.URL(a.Name))
		}
		if sum := rule.Summary(a.Doc); !strings.HasPrefix(sum, "report ") {
			t.Errorf("%s: Doc summary %q does not start with \"report \" (analyzers/%s/doc.go)", a.Name, sum, a.Name)
		}
		if !strings.Contains(analyzers.Analyzer.Doc, "("+a.Name+")") {
			t.Errorf("credlint's Doc does not mention (%s)", a.Name)
		}
	}
	if !slices.Equal(names, config.Rules) {
		t.Errorf("analyzers.Rules %v, config.Rules %v: add a rule to both, in the same order", names, config.Rules)
	}

	pages, err := filepath.Glob("../docs/rules/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var pageNames []string
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".md")
		pageNames = append(pageNames, name)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(data), "# "+name+": ") {
			t.Errorf("docs/rules/%s.md does not start with \"# %s: \"", name, name)
		}
	}
	if got, want := sorted(pageNames), sorted(config.Rules); !slices.Equal(got, want) {
		t.Errorf("docs/rules has pages %v, want one per rule %v", got, want)
	}

	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z]+)` \\| .* \\| \\[([a-z]+)\\]\\(docs/rules/([a-z]+)\\.md\\) \\|$")
	var rows []string
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		rows = append(rows, m[1])
		if m[2] != m[1] || m[3] != m[1] {
			t.Errorf("README rules table: row %s links to [%s](docs/rules/%s.md)", m[1], m[2], m[3])
		}
	}
	if !slices.Equal(rows, config.Rules) {
		t.Errorf("README rules table lists %v, want %v in that order", rows, config.Rules)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestSDKBehaviourCited checks that code and docs cite the SDK behaviour
// in docs/sdk-behaviour.md (which gives the SDK's file and line for each)
// or the SDK itself, never the maintainers' notes outside the repository
// (a directory beside the checkout, numbered questions), which users of
// the repository do not have.
func TestSDKBehaviourCited(t *testing.T) {
	outside := ".." + "/" + "shared" // the notes' directory, beside the checkout
	notes := "sdk" + "-" + "facts"   // the notes' file name
	notebook := regexp.MustCompile(regexp.QuoteMeta(outside) + `|\b` + notes + `\b`)
	root := ".."
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if name := d.Name(); rel != "." && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, ".tsv") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(data), "\n") {
			if notebook.MatchString(line) {
				t.Errorf("%s:%d cites notes outside the repository, not docs/sdk-behaviour.md or the SDK: %s", filepath.ToSlash(rel), i+1, strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
