package main

import (
	"bytes"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const modcache = "/home/u/go/pkg/mod"

const testCorpus = `module	version	package	file	line	rule	expect	note
github.com/argoproj/pkg	v0.13.6	github.com/argoproj/pkg/s3	s3/s3.go	97	staticcreds	quiet	one-time Get
github.com/argoproj/pkg	v0.13.6	github.com/argoproj/pkg/s3	s3/s3.go	101	staticcreds	report	frozen snapshot
github.com/argoproj/pkg	v0.13.6	github.com/argoproj/pkg/s3	s3/s3.go	131	-	quiet	IAM provider
# a comment

github.com/VictoriaMetrics/VictoriaMetrics	v1.151.0	github.com/VictoriaMetrics/VictoriaMetrics/lib/backup/s3remote	lib/backup/s3remote/s3.go	159	-	quiet	standard retryer
github.com/VictoriaMetrics/VictoriaMetrics	v1.151.0	github.com/VictoriaMetrics/VictoriaMetrics/lib/backup/s3remote	lib/backup/s3remote/s3.go	300	noretry	report	made-up row
github.com/VictoriaMetrics/VictoriaMetrics	v1.151.0	github.com/VictoriaMetrics/VictoriaMetrics/lib/backup/s3remote	lib/backup/s3remote/s3.go	400	noretry	neutral	borderline
gocloud.dev	v0.48.0	gocloud.dev/aws	aws/aws.go	219	-	quiet	not run
gocloud.dev	v0.48.0	gocloud.dev/aws	aws/aws.go	10	staticcreds	report	not run
`

// testJSON is the shape printed by singlechecker -json (x/tools v0.52.0):
// one object, keyed by package ID and analyzer, with test variants
// repeating the same diagnostics and an "error" entry.
const testJSON = `{
	"github.com/argoproj/pkg/s3": {
		"credlint": [
			{
				"category": "staticcreds",
				"posn": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:102:10",
				"end": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:102:40",
				"message": "staticcreds: credentials snapshot frozen into a static provider"
			},
			{
				"posn": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:131:5",
				"end": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:131:9",
				"message": "globalclient: long-lived client"
			}
		]
	},
	"github.com/argoproj/pkg/s3 [github.com/argoproj/pkg/s3.test]": {
		"credlint": [
			{
				"category": "staticcreds",
				"posn": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:102:10",
				"end": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:102:40",
				"message": "staticcreds: credentials snapshot frozen into a static provider"
			},
			{
				"category": "staticcreds",
				"posn": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:102:10",
				"end": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3.go:102:40",
				"message": "staticcreds: literal keys in the test variant"
			},
			{
				"category": "expiryerr",
				"posn": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3_test.go:20:2",
				"end": "/home/u/go/pkg/mod/github.com/argoproj/pkg@v0.13.6/s3/s3_test.go:20:9",
				"message": "expiryerr: error dropped"
			}
		]
	},
	"github.com/argoproj/pkg/s3.test": {
		"credlint": {
			"error": "analysis skipped due to errors in package"
		}
	}
}
not json
{"github.com/VictoriaMetrics/VictoriaMetrics/lib/backup/s3remote": {"credlint": [
	{"category": "noretry", "posn": "/home/u/go/pkg/mod/github.com/!victoria!metrics/!victoria!metrics@v1.151.0/lib/backup/s3remote/s3.go:299:3", "end": "", "message": "noretry: retries disabled"},
	{"category": "noretry", "posn": "/home/u/go/pkg/mod/github.com/!victoria!metrics/!victoria!metrics@v1.151.0/lib/backup/s3remote/s3.go:400:3", "end": "", "message": "noretry: borderline"},
	{"category": "staticcreds", "posn": "/tmp/elsewhere/x.go:7:1", "end": "", "message": "staticcreds: outside the module cache"}
]}}
`

func TestParseCorpus(t *testing.T) {
	rows, err := parseCorpus(strings.NewReader(testCorpus), "corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 8 {
		t.Fatalf("got %d rows, want 8", len(rows))
	}
	want := CorpusRow{
		Module: "github.com/argoproj/pkg", Version: "v0.13.6", Package: "github.com/argoproj/pkg/s3",
		File: "s3/s3.go", Line: 131, Rule: "-", Expect: "quiet", Note: "IAM provider", Src: "corpus.tsv:4",
	}
	if rows[2] != want {
		t.Errorf("row 3 = %+v, want %+v", rows[2], want)
	}
	if rows[3].Src != "corpus.tsv:7" {
		t.Errorf("blank and comment lines miscounted: %s", rows[3].Src)
	}
	mods := modulesOf(rows)
	var paths []string
	for _, m := range mods {
		paths = append(paths, m.Path+"@"+m.Version+":"+strings.Join(m.Packages, ","))
	}
	wantPaths := []string{
		"github.com/VictoriaMetrics/VictoriaMetrics@v1.151.0:github.com/VictoriaMetrics/VictoriaMetrics/lib/backup/s3remote",
		"github.com/argoproj/pkg@v0.13.6:github.com/argoproj/pkg/s3",
		"gocloud.dev@v0.48.0:gocloud.dev/aws",
	}
	if !reflect.DeepEqual(paths, wantPaths) {
		t.Errorf("modules = %q, want %q", paths, wantPaths)
	}
	sel, err := selectModules(mods, "victoriametrics,gocloud.dev")
	if err != nil || len(sel) != 2 || sel[0].Path != "github.com/VictoriaMetrics/VictoriaMetrics" || sel[1].Path != "gocloud.dev" {
		t.Errorf("selectModules = %v, %v", sel, err)
	}
	if _, err := selectModules(mods, "nosuch"); err == nil {
		t.Error("selectModules(nosuch): no error")
	}
}

func TestParseCorpusErrors(t *testing.T) {
	for _, bad := range []string{
		"m\tv\tm/p\tf.go\tx\tstaticcreds\treport\tn\n",     // line
		"m\tv\tm/p\tf.go\t0\tstaticcreds\treport\tn\n",     // line
		"m\tv\tm/p\tf.go\t1\tstaticcreds\tmaybe\tn\n",      // expect
		"m\tv\tother/p\tf.go\t1\tstaticcreds\treport\tn\n", // package outside module
		"m\tv\tm/p\tf.go\t1\n",                             // too few fields
	} {
		if _, err := parseCorpus(strings.NewReader(bad), "x.tsv"); err == nil {
			t.Errorf("parseCorpus(%q): no error", bad)
		}
	}
	rows := []CorpusRow{{Module: "m", Version: "v1"}, {Module: "m", Version: "v2"}}
	if err := checkVersions(rows); err == nil {
		t.Error("checkVersions: two versions of one module accepted")
	}
}

func TestParseLabels(t *testing.T) {
	in := "module\tfile\tline\trule\tlabel\treason\n" +
		"m\tf.go\t3\tstaticcreds\ttp\tgood catch\n" +
		"m\tf.go\t4\tnoretry\t\n" + // empty label, no reason
		"m\tf.go\t5\tnoretry\n"
	ls, err := parseLabels(strings.NewReader(in), "labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 3 || ls[0].Label != "tp" || ls[0].Reason != "good catch" || ls[1].Label != "" || ls[2].Line != 5 || ls[2].Src != "labels.tsv:4" {
		t.Errorf("labels = %+v", ls)
	}
	if _, err := parseLabels(strings.NewReader("m\tf.go\t3\tr\tyes\n"), "l"); err == nil {
		t.Error("bad label accepted")
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ plain, esc string }{
		{"github.com/VictoriaMetrics/VictoriaMetrics", "github.com/!victoria!metrics/!victoria!metrics"},
		{"github.com/BurntSushi/toml", "github.com/!burnt!sushi/toml"},
		{"gocloud.dev", "gocloud.dev"},
		{"v2.8.3+incompatible", "v2.8.3+incompatible"},
		{"v0.0.0-2020-ABC", "v0.0.0-2020-!a!b!c"},
	} {
		if got := escapePath(tc.plain); got != tc.esc {
			t.Errorf("escapePath(%q) = %q, want %q", tc.plain, got, tc.esc)
		}
		if got, err := unescapePath(tc.esc); err != nil || got != tc.plain {
			t.Errorf("unescapePath(%q) = %q, %v; want %q", tc.esc, got, err, tc.plain)
		}
	}
	for _, bad := range []string{"github.com/Foo", "a!", "a!1"} {
		if _, err := unescapePath(bad); err == nil {
			t.Errorf("unescapePath(%q): no error", bad)
		}
	}
}

func TestLocate(t *testing.T) {
	for _, tc := range []struct {
		posn string
		want Location
	}{
		{modcache + "/github.com/!victoria!metrics/!victoria!metrics@v1.151.0/lib/backup/s3remote/s3.go:159:2",
			Location{"github.com/VictoriaMetrics/VictoriaMetrics", "v1.151.0", "lib/backup/s3remote/s3.go", 159, 2}},
		{modcache + "/github.com/grafana/loki/v3@v3.7.8/pkg/storage/bucket/client.go:171:3",
			Location{"github.com/grafana/loki/v3", "v3.7.8", "pkg/storage/bucket/client.go", 171, 3}},
		{modcache + "/github.com/docker/distribution@v2.8.3+incompatible/registry/storage/driver/s3-aws/s3.go:414",
			Location{"github.com/docker/distribution", "v2.8.3+incompatible", "registry/storage/driver/s3-aws/s3.go", 414, 0}},
		{modcache + "/gocloud.dev@v0.48.0/aws/aws.go:219:1",
			Location{"gocloud.dev", "v0.48.0", "aws/aws.go", 219, 1}},
		{"/tmp/a:b/x.go:7:1", Location{"", "", "/tmp/a:b/x.go", 7, 1}},
		{modcache + "/cache/download/x@v1/y.go:1:1", Location{"", "", modcache + "/cache/download/x@v1/y.go", 1, 1}},
		{"-", Location{File: "-"}},
	} {
		if got := locate(modcache, tc.posn); got != tc.want {
			t.Errorf("locate(%q) = %+v, want %+v", tc.posn, got, tc.want)
		}
	}
	if got := locate(modcache+"/", modcache+"/gocloud.dev@v0.48.0/aws/aws.go:1:1"); got.Module != "gocloud.dev" {
		t.Errorf("trailing slash in GOMODCACHE: %+v", got)
	}
}

func TestScratchName(t *testing.T) {
	if got := scratchName("github.com/VictoriaMetrics/VictoriaMetrics"); got != "github.com-victoriametrics-victoriametrics" {
		t.Errorf("scratchName = %q", got)
	}
	if got := scratchName("github.com/tus/tusd/v2"); got != "github.com-tus-tusd-v2" {
		t.Errorf("scratchName = %q", got)
	}
}

func TestParseOutput(t *testing.T) {
	fs, errs, noise, err := parseOutput([]byte(testJSON), modcache)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, strings.Join([]string{f.Module, f.File, strconv.Itoa(f.Line), strconv.Itoa(f.Col), f.Rule}, " "))
	}
	want := []string{
		" /tmp/elsewhere/x.go 7 1 staticcreds",
		"github.com/VictoriaMetrics/VictoriaMetrics lib/backup/s3remote/s3.go 299 3 noretry",
		"github.com/VictoriaMetrics/VictoriaMetrics lib/backup/s3remote/s3.go 400 3 noretry",
		"github.com/argoproj/pkg s3/s3.go 102 10 staticcreds",
		"github.com/argoproj/pkg s3/s3.go 131 5 globalclient", // rule from the message prefix
		"github.com/argoproj/pkg s3/s3_test.go 20 2 expiryerr",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantOther := []string{"github.com/argoproj/pkg/s3 [github.com/argoproj/pkg/s3.test]: staticcreds: literal keys in the test variant"}
	if f := fs[3]; f.Pkg != "github.com/argoproj/pkg/s3" || f.Message != "staticcreds: credentials snapshot frozen into a static provider" || !reflect.DeepEqual(f.Other, wantOther) {
		t.Errorf("variant dedup: %+v", f)
	}
	if len(errs) != 1 || errs[0].Pkg != "github.com/argoproj/pkg/s3.test" || errs[0].Err != "analysis skipped due to errors in package" {
		t.Errorf("errors = %+v", errs)
	}
	if !reflect.DeepEqual(noise, []string{"not json"}) {
		t.Errorf("noise = %q", noise)
	}

	if _, _, _, err := parseOutput([]byte(`{"p": {"a": [`), modcache); err == nil {
		t.Error("truncated JSON accepted")
	}
	if fs, _, _, err := parseOutput(nil, modcache); err != nil || len(fs) != 0 {
		t.Errorf("empty output: %v, %v", fs, err)
	}
}

func testEvaluate(t *testing.T, labels string) (*Result, []Finding) {
	t.Helper()
	rows, err := parseCorpus(strings.NewReader(testCorpus), "corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ls, err := parseLabels(strings.NewReader(labels), "labels.tsv")
	if err != nil {
		t.Fatal(err)
	}
	fs, _, _, err := parseOutput([]byte(testJSON), modcache)
	if err != nil {
		t.Fatal(err)
	}
	for i := range fs {
		if fs[i].Module == "" {
			fs[i].Module = unmappedModule
		}
	}
	sortFindings(fs)
	evaluated := map[string]bool{"github.com/argoproj/pkg": true, "github.com/VictoriaMetrics/VictoriaMetrics": true}
	return evaluate(rows, ls, fs, evaluated), fs
}

func TestEvaluate(t *testing.T) {
	labels := "module\tfile\tline\trule\tlabel\treason\n" +
		"github.com/argoproj/pkg\ts3/s3_test.go\t20\texpiryerr\tfp\ttest helper\n" +
		"github.com/VictoriaMetrics/VictoriaMetrics\tlib/backup/s3remote/s3.go\t400\tnoretry\t\tnot decided\n" +
		"github.com/argoproj/pkg\ts3/s3.go\t500\tstaticcreds\ttp\tstale\n" +
		"gocloud.dev\taws/aws.go\t1\tstaticcreds\ttp\tnot evaluated\n"
	res, _ := testEvaluate(t, labels)

	// s3.go:102 satisfies report row 101 (±1) => tp from the corpus.
	// s3.go:131 globalclient violates the `-` quiet row 131 => fp from the corpus.
	// s3_test.go:20 labeled fp. VictoriaMetrics :299 satisfies report row 300.
	// :400 (neutral row) has an empty label => unlabeled; x.go unmapped => unlabeled.
	// gocloud.dev was not evaluated: its report row is not missed.
	var missed []string
	for _, r := range res.Missed {
		missed = append(missed, r.Src)
	}
	if len(missed) != 0 {
		t.Errorf("missed = %v, want none", missed)
	}
	if len(res.Violated) != 1 || res.Violated[0].Row.Line != 131 || len(res.Violated[0].Findings) != 1 {
		t.Errorf("violated = %+v", res.Violated)
	}
	var unl []string
	for _, f := range res.Unlabeled {
		unl = append(unl, labelLine(f))
	}
	wantUnl := []string{
		"(unmapped)\t/tmp/elsewhere/x.go\t7\tstaticcreds\t\tstaticcreds: outside the module cache",
		"github.com/VictoriaMetrics/VictoriaMetrics\tlib/backup/s3remote/s3.go\t400\tnoretry\t\tnoretry: borderline",
	}
	if !reflect.DeepEqual(unl, wantUnl) {
		t.Errorf("unlabeled:\n%s\nwant:\n%s", strings.Join(unl, "\n"), strings.Join(wantUnl, "\n"))
	}
	if len(res.Stale) != 1 || res.Stale[0].Line != 500 {
		t.Errorf("stale = %+v", res.Stale)
	}
	if len(res.Conflicts) != 0 {
		t.Errorf("conflicts = %+v", res.Conflicts)
	}
	stats := map[string]RuleStats{}
	for _, s := range res.Rules {
		stats[s.Rule] = s
	}
	if s := stats["staticcreds"]; s.Findings != 2 || s.TP != 1 || s.FP != 0 || s.Unlabeled != 1 || s.Expected != 1 || s.Found != 1 {
		t.Errorf("staticcreds = %+v", s)
	}
	if s := stats["globalclient"]; s.Findings != 1 || s.FP != 1 {
		t.Errorf("globalclient = %+v", s)
	}
	if s := stats["noretry"]; s.Findings != 2 || s.TP != 1 || s.Unlabeled != 1 || s.Expected != 1 || s.Found != 1 {
		t.Errorf("noretry = %+v", s)
	}
	if s := stats["expiryerr"]; s.FP != 1 {
		t.Errorf("expiryerr = %+v", s)
	}
	if res.Total.Findings != 6 || res.Total.TP != 2 || res.Total.FP != 2 || res.Total.Unlabeled != 2 {
		t.Errorf("total = %+v", res.Total)
	}
	if !res.failed() {
		t.Error("result with violations and unlabeled findings did not fail")
	}
}

func TestEvaluateLineSlack(t *testing.T) {
	r := CorpusRow{Module: "m", File: "f.go", Line: 10, Rule: "noretry", Expect: expectReport}
	for line, want := range map[int]bool{8: false, 9: true, 10: true, 11: true, 12: false} {
		f := Finding{Location: Location{Module: "m", File: "f.go", Line: line}, Rule: "noretry"}
		if got := reportMatches(r, f); got != want {
			t.Errorf("report row 10, finding on %d: match = %v, want %v", line, got, want)
		}
	}
	f := Finding{Location: Location{Module: "m", File: "f.go", Line: 10}, Rule: "staticcreds"}
	if reportMatches(r, f) {
		t.Error("report row matched a finding of another rule")
	}
	q := CorpusRow{Module: "m", File: "f.go", Line: 10, Rule: anyRule, Expect: expectQuiet}
	if !quietViolated(q, f) {
		t.Error("quiet '-' row not violated by a finding on its line")
	}
	f.Line = 11
	if quietViolated(q, f) {
		t.Error("quiet row violated by a finding on the next line")
	}
}

func TestEvaluateMissedAndConflict(t *testing.T) {
	// Label the corpus-matched finding fp: a conflict.
	labels := "github.com/argoproj/pkg\ts3/s3.go\t102\tstaticcreds\tfp\twrong\n"
	res, fs := testEvaluate(t, labels)
	if len(res.Conflicts) != 1 || res.Conflicts[0].Row.Line != 101 {
		t.Errorf("conflicts = %+v", res.Conflicts)
	}
	// Drop the finding: report row 101 is missed.
	var kept []Finding
	for _, f := range fs {
		if f.Line != 102 {
			kept = append(kept, f)
		}
	}
	rows, _ := parseCorpus(strings.NewReader(testCorpus), "corpus.tsv")
	res = evaluate(rows, nil, kept, map[string]bool{"github.com/argoproj/pkg": true})
	if len(res.Missed) != 1 || res.Missed[0].Src != "corpus.tsv:3" {
		t.Errorf("missed = %+v", res.Missed)
	}
}

func TestWriteReport(t *testing.T) {
	labels := "github.com/argoproj/pkg\ts3/s3_test.go\t20\texpiryerr\tfp\ttest helper\n"
	res, _ := testEvaluate(t, labels)
	runs := []ModRun{
		{Module: "github.com/VictoriaMetrics/VictoriaMetrics", Version: "v1.151.0", Packages: []string{"p"}, Findings: 3, Exit: 0},
		{Module: "github.com/argoproj/pkg", Version: "v0.13.6", Packages: []string{"p"}, Findings: 3, Exit: 1,
			PkgErrors: []PkgError{{Pkg: "github.com/argoproj/pkg/s3.test", Analyzer: "credlint", Err: "analysis skipped"}},
			Stderr:    "some error"},
	}
	var a, b bytes.Buffer
	writeReport(&a, runs, res, ReportOptions{LabelsPath: "eval/labels.tsv"})
	writeReport(&b, runs, res, ReportOptions{LabelsPath: "eval/labels.tsv"})
	if a.String() != b.String() {
		t.Error("report is not deterministic")
	}
	out := a.String()
	for _, want := range []string{
		"MODULE                                      VERSION   PKGS  FINDINGS  ERRORS  EXIT",
		"RULE          FINDINGS  TP  FP  UNLABELED  PRECISION  FOUND/EXPECTED  RECALL",
		"staticcreds   2         1   0   1          100.0%     1/1             100.0%",
		"globalclient  1         0   1   0          0.0%       0/0             n/a",
		"all           6         2   2   2          50.0%      2/2             100.0%",
		"\nviolated quiet rows (1):\n  corpus.tsv:4\tgithub.com/argoproj/pkg\ts3/s3.go:131\t-\tIAM provider\n      reported: s3/s3.go:131:5 globalclient: globalclient: long-lived client\n",
		"\nunlabeled findings (2); paste into eval/labels.tsv and set the label column to tp or fp:\n" +
			"(unmapped)\t/tmp/elsewhere/x.go\t7\tstaticcreds\t\tstaticcreds: outside the module cache\n" +
			"github.com/VictoriaMetrics/VictoriaMetrics\tlib/backup/s3remote/s3.go\t400\tnoretry\t\tnoretry: borderline\n",
		"\nfindings whose message differs between package variants (1, informational):\n" +
			"  github.com/argoproj/pkg s3/s3.go:102:10 staticcreds\n" +
			"      github.com/argoproj/pkg/s3: staticcreds: credentials snapshot frozen into a static provider\n" +
			"      github.com/argoproj/pkg/s3 [github.com/argoproj/pkg/s3.test]: staticcreds: literal keys in the test variant\n",
		"run errors:\n  github.com/argoproj/pkg@v0.13.6: exit 1\n    github.com/argoproj/pkg/s3.test [credlint]: analysis skipped\n",
		"\nFAIL: 6 findings, 0 missed report rows, 1 violated quiet rows, 2 unlabeled findings, 0 label conflicts, 1 run errors\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q; report:\n%s", want, out)
		}
	}
	if strings.Contains(out, "WALL") {
		t.Error("time columns printed without Time")
	}
	var c bytes.Buffer
	writeReport(&c, runs, res, ReportOptions{Time: true})
	if !strings.Contains(c.String(), "PEAK RSS") {
		t.Error("time columns missing with Time")
	}

	// Pasting the unlabeled lines into labels.tsv must parse (as unlabeled).
	var paste strings.Builder
	for _, f := range res.Unlabeled {
		paste.WriteString(labelLine(f) + "\n")
	}
	ls, err := parseLabels(strings.NewReader(paste.String()), "labels.tsv")
	if err != nil || len(ls) != 2 || ls[1].Line != 400 || ls[1].Label != "" {
		t.Errorf("pasted labels: %+v, %v", ls, err)
	}
}

func TestParseReplaces(t *testing.T) {
	gomod := `module github.com/grafana/loki/v3

go 1.24

replace github.com/Azure/azure-sdk-for-go => github.com/Azure/azure-sdk-for-go v68.0.0+incompatible

replace github.com/grafana/loki/pkg/push => ./pkg/push // local

replace (
	// https://github.com/kubernetes/kubernetes/issues/79384
	k8s.io/api => k8s.io/api v0.17.8
	github.com/thanos-io/thanos v0.22.0 => github.com/thanos-io/thanos v0.19.1-0.2021
	"example.com/q" => ../q
)
require x v1
`
	reps, err := parseReplaces(gomod)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range reps {
		if !r.isLocal() {
			got = append(got, r.String())
		}
	}
	want := []string{
		"github.com/Azure/azure-sdk-for-go=github.com/Azure/azure-sdk-for-go@v68.0.0+incompatible",
		"k8s.io/api=k8s.io/api@v0.17.8",
		"github.com/thanos-io/thanos@v0.22.0=github.com/thanos-io/thanos@v0.19.1-0.2021",
	}
	if !reflect.DeepEqual(got, want) || len(reps) != 5 {
		t.Errorf("replaces = %q (%d total), want %q", got, len(reps), want)
	}
	if _, err := parseReplaces("replace a b\n"); err == nil {
		t.Error("malformed replace accepted")
	}
}
