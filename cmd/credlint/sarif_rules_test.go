package main

import (
	"testing"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/analyzers/rule"
)

// TestSARIFRulesFromDoc checks that the SARIF rule descriptions are the
// rules' Doc summaries (from each rule's doc.go) and their help the rule's
// page, so that the SARIF log cannot drift from the package docs.
func TestSARIFRulesFromDoc(t *testing.T) {
	tool := sarifTool()
	if len(tool.Rules) != len(analyzers.Rules)+1 {
		t.Fatalf("%d SARIF rules, want %d (one per rule and one for ignore directives)", len(tool.Rules), len(analyzers.Rules)+1)
	}
	for i, a := range analyzers.Rules {
		r := tool.Rules[i]
		if r.ID != a.Name || r.Description != rule.Summary(a.Doc) || r.HelpURI != rule.URL(a.Name) {
			t.Errorf("SARIF rule %d = %+v, want ID %q, description %q, help %q", i, r, a.Name, rule.Summary(a.Doc), rule.URL(a.Name))
		}
	}
}
