package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// A ModRun records one credlint run over a corpus module.
type ModRun struct {
	Module    string
	Version   string
	Packages  []string
	Findings  int
	PkgErrors []PkgError
	Noise     []string // non-JSON lines on stdout
	Exit      int      // credlint exit code (-1: not run)
	Wall      time.Duration
	MaxRSS    int64  // bytes; 0 if unknown
	Err       string // setup or run failure; "" if the run produced output
	Stderr    string // tail of credlint's stderr when something went wrong
}

// runFailed reports whether the run did not produce a clean analysis.
func (m *ModRun) runFailed() bool {
	return m.Err != "" || len(m.PkgErrors) > 0 || (m.Exit != 0 && m.Exit != 3)
}

func pct(num, den int) string {
	if den == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(num)/float64(den))
}

func fmtBytes(n int64) string {
	if n <= 0 {
		return "?"
	}
	const mib = 1 << 20
	if n >= 1<<30 {
		return fmt.Sprintf("%.2f GiB", float64(n)/(1<<30))
	}
	return fmt.Sprintf("%d MiB", (n+mib/2)/mib)
}

func fmtDur(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	return fmt.Sprintf("%dm%04.1fs", int(d.Minutes()), (d - d.Truncate(time.Minute)).Seconds())
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

// labelLine formats a finding as a labels.tsv row with an empty label;
// the reason column is pre-filled with credlint's message.
func labelLine(f Finding) string {
	return strings.Join([]string{f.Module, f.File, fmt.Sprint(f.Line), f.Rule, "", shorten(f.Message, 200)}, "\t")
}

// ReportOptions control the report.
type ReportOptions struct {
	Time       bool   // include wall time and peak RSS columns
	LabelsPath string // shown in the unlabeled-findings hint
}

// writeReport prints the evaluation report. Its output is deterministic
// except for the time columns.
func writeReport(w io.Writer, runs []ModRun, res *Result, opt ReportOptions) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if opt.Time {
		fmt.Fprintln(tw, "MODULE\tVERSION\tPKGS\tFINDINGS\tERRORS\tEXIT\tWALL\tPEAK RSS\t")
	} else {
		fmt.Fprintln(tw, "MODULE\tVERSION\tPKGS\tFINDINGS\tERRORS\tEXIT\t")
	}
	for _, m := range runs {
		exit := fmt.Sprint(m.Exit)
		if m.Exit < 0 {
			exit = "-"
		}
		errs := fmt.Sprint(len(m.PkgErrors))
		if m.Err != "" {
			errs = "FAILED"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t", m.Module, m.Version, len(m.Packages), m.Findings, errs, exit)
		if opt.Time {
			fmt.Fprintf(tw, "%s\t%s\t", fmtDur(m.Wall), fmtBytes(m.MaxRSS))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	fmt.Fprintln(w)

	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tFINDINGS\tTP\tFP\tUNLABELED\tPRECISION\tFOUND/EXPECTED\tRECALL\t")
	for _, s := range append(append([]RuleStats{}, res.Rules...), res.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%d/%d\t%s\t\n",
			s.Rule, s.Findings, s.TP, s.FP, s.Unlabeled, pct(s.TP, s.TP+s.FP), s.Found, s.Expected, pct(s.Found, s.Expected))
	}
	tw.Flush()

	var runErrs int
	for i := range runs {
		m := &runs[i]
		if !m.runFailed() {
			continue
		}
		if runErrs == 0 {
			fmt.Fprintf(w, "\nrun errors:\n")
		}
		runErrs++
		fmt.Fprintf(w, "  %s@%s: exit %d\n", m.Module, m.Version, m.Exit)
		if m.Err != "" {
			fmt.Fprintf(w, "    %s\n", indent(m.Err, "    "))
		}
		for _, e := range m.PkgErrors {
			fmt.Fprintf(w, "    %s [%s]: %s\n", e.Pkg, e.Analyzer, e.Err)
		}
		if m.Stderr != "" {
			fmt.Fprintf(w, "    stderr:\n      %s\n", indent(m.Stderr, "      "))
		}
	}
	for _, m := range runs {
		for _, n := range m.Noise {
			fmt.Fprintf(w, "warning: %s: ignored non-JSON output: %s\n", m.Module, shorten(n, 120))
		}
	}

	if len(res.Missed) > 0 {
		fmt.Fprintf(w, "\nmissed report rows (%d):\n", len(res.Missed))
		for _, r := range res.Missed {
			fmt.Fprintf(w, "  %s\t%s\t%s:%d\t%s\t%s\n", r.Src, r.Module, r.File, r.Line, r.Rule, shorten(r.Note, 100))
		}
	}
	if len(res.Violated) > 0 {
		fmt.Fprintf(w, "\nviolated quiet rows (%d):\n", len(res.Violated))
		for _, v := range res.Violated {
			r := v.Row
			fmt.Fprintf(w, "  %s\t%s\t%s:%d\t%s\t%s\n", r.Src, r.Module, r.File, r.Line, r.Rule, shorten(r.Note, 100))
			for _, f := range v.Findings {
				fmt.Fprintf(w, "      reported: %s:%d:%d %s: %s\n", f.File, f.Line, f.Col, f.Rule, shorten(f.Message, 120))
			}
		}
	}
	if len(res.Conflicts) > 0 {
		fmt.Fprintf(w, "\nlabels contradicting the corpus (%d):\n", len(res.Conflicts))
		for _, c := range res.Conflicts {
			fmt.Fprintf(w, "  %s says %s, but %s says %s (%s:%d %s)\n",
				c.Label.Src, c.Label.Label, c.Row.Src, c.Row.Expect, c.Finding.File, c.Finding.Line, c.Finding.Rule)
		}
	}
	if len(res.Unlabeled) > 0 {
		fmt.Fprintf(w, "\nunlabeled findings (%d); paste into %s and set the label column to tp or fp:\n",
			len(res.Unlabeled), opt.LabelsPath)
		for _, f := range res.Unlabeled {
			fmt.Fprintln(w, labelLine(f))
		}
	}
	var variants []Finding
	for _, j := range res.Judged {
		if len(j.Other) > 0 {
			variants = append(variants, j.Finding)
		}
	}
	if len(variants) > 0 {
		fmt.Fprintf(w, "\nfindings whose message differs between package variants (%d, informational):\n", len(variants))
		for _, f := range variants {
			fmt.Fprintf(w, "  %s %s:%d:%d %s\n      %s: %s\n", f.Module, f.File, f.Line, f.Col, f.Rule, f.Pkg, shorten(f.Message, 160))
			for _, o := range f.Other {
				fmt.Fprintf(w, "      %s\n", shorten(o, 160))
			}
		}
	}
	if len(res.Stale) > 0 {
		fmt.Fprintf(w, "\nlabels matching no finding (%d, informational):\n", len(res.Stale))
		for _, l := range res.Stale {
			fmt.Fprintf(w, "  %s\t%s\t%s:%d\t%s\t%s\n", l.Src, l.Module, l.File, l.Line, l.Rule, l.Label)
		}
	}

	verdict := "PASS"
	if res.failed() || runErrs > 0 {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "\n%s: %d findings, %d missed report rows, %d violated quiet rows, %d unlabeled findings, %d label conflicts, %d run errors\n",
		verdict, res.Total.Findings, len(res.Missed), len(res.Violated), len(res.Unlabeled), len(res.Conflicts), runErrs)
}

func indent(s, prefix string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+prefix)
}
