// Package finding is the result type every credlint rule returns. Rules do
// not report diagnostics themselves: the root analyzer (package analyzers)
// applies configuration and suppression to their findings and reports them,
// since drivers print only a root analyzer's diagnostics.
package finding

import (
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Finding is one problem a rule found.
type Finding struct {
	Pos, End token.Pos
	// Message is the text after "<rule>: ". It must never contain a secret.
	Message        string
	SuggestedFixes []analysis.SuggestedFix
	Related        []analysis.RelatedInformation
}

// List is what a rule's run returns (package rule wraps it in the rule's
// Result).
type List []Finding

// ComparePos orders two positions by file name, then offset. Comparing
// token.Pos values across files is not stable: the loader parses a
// package's files concurrently, so the order of their bases in the
// FileSet changes from run to run.
func ComparePos(fset *token.FileSet, a, b token.Pos) int {
	pa, pb := fset.Position(a), fset.Position(b)
	if pa.Filename != pb.Filename {
		return strings.Compare(pa.Filename, pb.Filename)
	}
	return pa.Offset - pb.Offset
}
