package main

import (
	"sort"
)

// lineSlack is how far (in lines) a diagnostic may start from a corpus
// `report` row and still count as finding it.
const lineSlack = 1

// A Judged finding carries its verdict.
type Judged struct {
	Finding
	Label  string // "tp", "fp" or "" (unlabeled)
	Source string // where the verdict comes from: "labels.tsv:N" or "corpus.tsv:N"
}

// A Violation is a corpus `quiet` row together with the findings on its line.
type Violation struct {
	Row      CorpusRow
	Findings []Finding
}

// A Conflict is an explicit label that contradicts the corpus.
type Conflict struct {
	Finding Finding
	Label   Label
	Row     CorpusRow
}

// RuleStats are the per-rule figures.
type RuleStats struct {
	Rule      string
	Findings  int
	TP, FP    int
	Unlabeled int
	Expected  int // corpus `report` rows of this rule
	Found     int // ... of which a finding was reported
}

// Result is the outcome of comparing findings with the corpus and labels.
type Result struct {
	Judged    []Judged
	Rules     []RuleStats // sorted by rule
	Total     RuleStats
	Missed    []CorpusRow
	Violated  []Violation
	Unlabeled []Finding
	Stale     []Label // labels (of evaluated modules) that match no finding
	Conflicts []Conflict
}

func ruleMatches(want, got string) bool { return want == anyRule || want == got }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// reportMatches reports whether finding f satisfies `report` row r.
func reportMatches(r CorpusRow, f Finding) bool {
	return r.Module == f.Module && r.File == f.File && abs(r.Line-f.Line) <= lineSlack && ruleMatches(r.Rule, f.Rule)
}

// quietViolated reports whether finding f violates `quiet` row r.
func quietViolated(r CorpusRow, f Finding) bool {
	return r.Module == f.Module && r.File == f.File && r.Line == f.Line && ruleMatches(r.Rule, f.Rule)
}

func labelMatches(l Label, f Finding) bool {
	return l.Module == f.Module && l.File == f.File && l.Line == f.Line && ruleMatches(l.Rule, f.Rule)
}

// evaluate compares the findings of the modules in evaluated with the
// corpus rows and labels. Rows and labels of other modules are ignored.
//
// A finding's verdict comes from labels.tsv when a row with a tp/fp label
// matches it (same module, file, line and rule); otherwise a finding that
// satisfies a corpus `report` row is a tp and one that violates a `quiet`
// row is an fp; anything else is unlabeled.
func evaluate(rows []CorpusRow, labels []Label, findings []Finding, evaluated map[string]bool) *Result {
	res := &Result{}
	var reports, quiets []CorpusRow
	for _, r := range rows {
		if !evaluated[r.Module] {
			continue
		}
		switch r.Expect {
		case expectReport:
			reports = append(reports, r)
		case expectQuiet:
			quiets = append(quiets, r)
		}
	}
	var labs []Label
	for _, l := range labels {
		if evaluated[l.Module] {
			labs = append(labs, l)
		}
	}
	usedLabel := make([]bool, len(labs))
	stats := map[string]*RuleStats{}
	stat := func(rule string) *RuleStats {
		s := stats[rule]
		if s == nil {
			s = &RuleStats{Rule: rule}
			stats[rule] = s
		}
		return s
	}

	for _, f := range findings {
		j := Judged{Finding: f}
		var explicit *Label
		for i, l := range labs {
			if labelMatches(l, f) {
				usedLabel[i] = true
				if explicit == nil && l.Label != "" {
					explicit = &labs[i]
				}
			}
		}
		var repRow, quietRow *CorpusRow
		for i, r := range reports {
			if reportMatches(r, f) {
				repRow = &reports[i]
				break
			}
		}
		for i, r := range quiets {
			if quietViolated(r, f) {
				quietRow = &quiets[i]
				break
			}
		}
		switch {
		case explicit != nil:
			j.Label, j.Source = explicit.Label, explicit.Src
			if explicit.Label == "fp" && repRow != nil {
				res.Conflicts = append(res.Conflicts, Conflict{f, *explicit, *repRow})
			}
			if explicit.Label == "tp" && quietRow != nil {
				res.Conflicts = append(res.Conflicts, Conflict{f, *explicit, *quietRow})
			}
		case repRow != nil:
			j.Label, j.Source = "tp", repRow.Src
		case quietRow != nil:
			j.Label, j.Source = "fp", quietRow.Src
		}
		s := stat(f.Rule)
		s.Findings++
		switch j.Label {
		case "tp":
			s.TP++
		case "fp":
			s.FP++
		default:
			s.Unlabeled++
			res.Unlabeled = append(res.Unlabeled, f)
		}
		res.Judged = append(res.Judged, j)
	}

	for _, r := range reports {
		s := stat(r.Rule)
		s.Expected++
		found := false
		for _, f := range findings {
			if reportMatches(r, f) {
				found = true
				break
			}
		}
		if found {
			s.Found++
		} else {
			res.Missed = append(res.Missed, r)
		}
	}
	for _, r := range quiets {
		var bad []Finding
		for _, f := range findings {
			if quietViolated(r, f) {
				bad = append(bad, f)
			}
		}
		if len(bad) > 0 {
			res.Violated = append(res.Violated, Violation{Row: r, Findings: bad})
		}
	}
	for i, l := range labs {
		if !usedLabel[i] {
			res.Stale = append(res.Stale, l)
		}
	}

	for _, rule := range sortedKeys(stats) {
		s := *stats[rule]
		res.Rules = append(res.Rules, s)
		res.Total.Findings += s.Findings
		res.Total.TP += s.TP
		res.Total.FP += s.FP
		res.Total.Unlabeled += s.Unlabeled
		res.Total.Expected += s.Expected
		res.Total.Found += s.Found
	}
	res.Total.Rule = "all"
	sortRows(res.Missed)
	sort.SliceStable(res.Violated, func(i, j int) bool { return rowLess(res.Violated[i].Row, res.Violated[j].Row) })
	sort.SliceStable(res.Stale, func(i, j int) bool {
		a, b := res.Stale[i], res.Stale[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Rule < b.Rule
	})
	return res
}

func rowLess(a, b CorpusRow) bool {
	if a.Module != b.Module {
		return a.Module < b.Module
	}
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Rule < b.Rule
}

func sortRows(rs []CorpusRow) {
	sort.SliceStable(rs, func(i, j int) bool { return rowLess(rs[i], rs[j]) })
}

// failed reports whether the result should fail a strict run.
func (r *Result) failed() bool {
	return len(r.Missed) > 0 || len(r.Violated) > 0 || len(r.Unlabeled) > 0 || len(r.Conflicts) > 0
}
