// Package analyzers holds credlint's root analyzer, the one analyzer every
// driver runs: it requires each rule (a sub-analyzer built by package rule,
// whose Result is its findings or the error that stopped it), applies the
// configuration (enabled rules, excluded paths, _test.go and generated
// files) and suppression comments, and reports what is left with Category
// = rule name and message "<rule>: <text>", in position order; a rule's
// error fails the package after the other rules' findings are reported.
package analyzers

import (
	"errors"
	"go/ast"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/expiryerr"
	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/globalclient"
	"github.com/credlint/credlint/analyzers/norefresh"
	"github.com/credlint/credlint/analyzers/noretry"
	"github.com/credlint/credlint/analyzers/presignttl"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/analyzers/staticcreds"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/passes/sdk"
)

// DocURL is where each rule's documentation lives; a rule's page is
// DocURL + "<rule>.md" (rule.URL).
const DocURL = rule.DocURL

// Rules are the rule analyzers, in documentation order.
var Rules = []*analysis.Analyzer{
	staticcreds.Analyzer,
	globalclient.Analyzer,
	noretry.Analyzer,
	expiryerr.Analyzer,
	presignttl.Analyzer,
	norefresh.Analyzer,
}

// The configuration accepts exactly the rules above.
func init() {
	config.Rules = nil
	for _, a := range Rules {
		config.Rules = append(config.Rules, a.Name)
	}
}

// Analyzer is credlint: the composite of every rule.
var Analyzer = New(Rules...)

// New is the root analyzer over rules: Analyzer is New(Rules...). Tests
// build roots over rules of their own (a rule that panics).
func New(rules ...*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:             "credlint",
		Doc:              doc,
		URL:              "https://github.com/credlint/credlint",
		Flags:            config.Analyzer.Flags,
		Requires:         append([]*analysis.Analyzer{config.Analyzer, sdk.Analyzer}, rules...),
		Run:              func(pass *analysis.Pass) (any, error) { return run(pass, rules) },
		RunDespiteErrors: false,
	}
}

const doc = `find code that makes Go services on AWS ECS fail with ExpiredToken hours after start

credlint reports static or snapshotted credentials (staticcreds), process-lifetime
AWS clients (S3, SQS, DynamoDB, ...) on credentials that cannot refresh (globalclient), disabled retries
(noretry), expiry errors that are discarded, matched by text or retried forever
(expiryerr), presigned URLs that outlive the task role session (presignttl), and
credential providers of one's own that break the SDK's refresh (norefresh),
for aws-sdk-go-v2, aws-sdk-go and minio-go.

Configuration: .credlint.toml, found above each package's files, or -config FILE.
Suppress one finding with "//credlint:ignore <rule> <reason>" on or above its line.`

type diag struct {
	rule string
	finding.Finding
}

func run(pass *analysis.Pass, rules []*analysis.Analyzer) (any, error) {
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	if cfg.LoadErr != nil {
		return nil, cfg.LoadErr
	}
	reach := pass.ResultOf[sdk.Analyzer].(*sdk.Reach)
	if !reach.Relevant() && !reach.EnvOnly() {
		return nil, nil
	}
	files := map[string]*ast.File{}
	for _, f := range pass.Files {
		files[pass.Fset.File(f.Pos()).Name()] = f
	}
	skip := func(filename string) bool {
		if !cfg.IncludeTests && strings.HasSuffix(filename, "_test.go") {
			return true
		}
		if f := files[filename]; f != nil && ast.IsGenerated(f) {
			return true
		}
		return cfg.Excluded(filename)
	}

	var diags []diag
	var errs []error
	failed := map[string]bool{}
	for _, r := range rules {
		if !cfg.Enabled(r.Name) {
			continue
		}
		res := pass.ResultOf[r].(*rule.Result)
		if res.Err != nil {
			// Reported after the other rules' findings.
			errs = append(errs, res.Err)
			failed[r.Name] = true
			continue
		}
		for _, f := range res.Findings {
			if !f.Pos.IsValid() || skip(pass.Fset.Position(f.Pos).Filename) {
				continue
			}
			diags = append(diags, diag{r.Name, f})
		}
	}

	dirs := parseDirectives(pass, cfg, skip)
	diags = dirs.suppress(pass.Fset, diags)
	diags = append(diags, dirs.problems(func(r string) bool { return cfg.Enabled(r) && !failed[r] })...)

	sort.SliceStable(diags, func(i, j int) bool {
		if c := finding.ComparePos(pass.Fset, diags[i].Pos, diags[j].Pos); c != 0 {
			return c < 0
		}
		if diags[i].rule != diags[j].rule {
			return diags[i].rule < diags[j].rule
		}
		return diags[i].Message < diags[j].Message
	})
	for _, d := range diags {
		url := ""
		if d.rule != directiveCategory {
			url = rule.URL(d.rule)
		}
		var related []analysis.RelatedInformation
		if config.Related() {
			related = append(d.Related, finding.Steps(pass.Fset, d.Message, d.Related)...)
		}
		pass.Report(analysis.Diagnostic{
			Pos:            d.Pos,
			End:            d.End,
			Category:       d.rule,
			Message:        d.rule + ": " + d.Message,
			URL:            url,
			SuggestedFixes: d.SuggestedFixes,
			Related:        related,
		})
	}
	// A rule that failed (a bug: see package rule) fails the package after
	// the other rules' findings are reported.
	return nil, errors.Join(errs...)
}
