package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Expectations of a corpus row.
const (
	expectReport  = "report"
	expectQuiet   = "quiet"
	expectNeutral = "neutral"
)

// anyRule is the rule column value meaning "any rule".
const anyRule = "-"

// A CorpusRow is one line of corpus.tsv (or eval/extra.tsv).
type CorpusRow struct {
	Module  string
	Version string
	Package string
	File    string // relative to the module root
	Line    int
	Rule    string // rule name or anyRule
	Expect  string // expectReport, expectQuiet or expectNeutral
	Note    string
	Src     string // "corpus.tsv:12", for messages
}

// A Label is one line of eval/labels.tsv: a human verdict on a finding.
type Label struct {
	Module string
	File   string
	Line   int
	Rule   string // rule name or anyRule
	Label  string // "tp", "fp" or "" (not labeled yet)
	Reason string
	Src    string
}

var corpusHeader = []string{"module", "version", "package", "file", "line", "rule", "expect", "note"}
var labelsHeader = []string{"module", "file", "line", "rule", "label", "reason"}

// readTSV returns the data lines of a TSV file split into at most n fields,
// skipping a header line (first field equal to header[0]), blank lines and
// lines starting with '#'. Each record is returned with its 1-based line number.
func readTSV(r io.Reader, name string, header []string, min int) (recs [][]string, lines []int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	n := 0
	for sc.Scan() {
		n++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.SplitN(text, "\t", len(header))
		if fields[0] == header[0] {
			continue // header
		}
		if len(fields) < min {
			return nil, nil, fmt.Errorf("%s:%d: want at least %d tab-separated fields (%s), got %d",
				name, n, min, strings.Join(header[:min], ", "), len(fields))
		}
		for len(fields) < len(header) {
			fields = append(fields, "")
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		recs = append(recs, fields)
		lines = append(lines, n)
	}
	return recs, lines, sc.Err()
}

// parseCorpus parses corpus.tsv-formatted data.
func parseCorpus(r io.Reader, name string) ([]CorpusRow, error) {
	recs, lines, err := readTSV(r, name, corpusHeader, 7)
	if err != nil {
		return nil, err
	}
	var rows []CorpusRow
	for i, f := range recs {
		src := fmt.Sprintf("%s:%d", name, lines[i])
		line, err := strconv.Atoi(f[4])
		if err != nil || line <= 0 {
			return nil, fmt.Errorf("%s: bad line number %q", src, f[4])
		}
		switch f[6] {
		case expectReport, expectQuiet, expectNeutral:
		default:
			return nil, fmt.Errorf("%s: bad expect %q (want report, quiet or neutral)", src, f[6])
		}
		if f[0] == "" || f[1] == "" || f[2] == "" || f[3] == "" || f[5] == "" {
			return nil, fmt.Errorf("%s: empty module, version, package, file or rule", src)
		}
		if f[2] != f[0] && !strings.HasPrefix(f[2], f[0]+"/") {
			return nil, fmt.Errorf("%s: package %s is not in module %s", src, f[2], f[0])
		}
		rows = append(rows, CorpusRow{
			Module: f[0], Version: f[1], Package: f[2], File: f[3], Line: line,
			Rule: f[5], Expect: f[6], Note: f[7], Src: src,
		})
	}
	return rows, nil
}

// parseLabels parses labels.tsv-formatted data.
func parseLabels(r io.Reader, name string) ([]Label, error) {
	recs, lines, err := readTSV(r, name, labelsHeader, 4)
	if err != nil {
		return nil, err
	}
	var out []Label
	for i, f := range recs {
		src := fmt.Sprintf("%s:%d", name, lines[i])
		line, err := strconv.Atoi(f[2])
		if err != nil || line <= 0 {
			return nil, fmt.Errorf("%s: bad line number %q", src, f[2])
		}
		switch f[4] {
		case "tp", "fp", "":
		default:
			return nil, fmt.Errorf("%s: bad label %q (want tp, fp or empty)", src, f[4])
		}
		if f[0] == "" || f[1] == "" || f[3] == "" {
			return nil, fmt.Errorf("%s: empty module, file or rule", src)
		}
		out = append(out, Label{
			Module: f[0], File: f[1], Line: line, Rule: f[3], Label: f[4], Reason: f[5], Src: src,
		})
	}
	return out, nil
}

// loadCorpus reads the corpus file and, if it exists, the extra file, and
// checks that every module is listed with a single version.
func loadCorpus(corpusPath, extraPath string) ([]CorpusRow, error) {
	var rows []CorpusRow
	for i, p := range []string{corpusPath, extraPath} {
		if p == "" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			if i == 1 && os.IsNotExist(err) {
				continue // extra.tsv is optional
			}
			return nil, err
		}
		rs, err := parseCorpus(f, filepath.Base(p))
		f.Close()
		if err != nil {
			return nil, err
		}
		rows = append(rows, rs...)
	}
	if err := checkVersions(rows); err != nil {
		return nil, err
	}
	return rows, nil
}

func checkVersions(rows []CorpusRow) error {
	version := map[string]CorpusRow{}
	for _, r := range rows {
		if prev, ok := version[r.Module]; ok && prev.Version != r.Version {
			return fmt.Errorf("%s: module %s listed at version %s, but at %s in %s",
				r.Src, r.Module, r.Version, prev.Version, prev.Src)
		}
		version[r.Module] = r
	}
	return nil
}

// loadLabels reads the labels file; a missing file means no labels.
func loadLabels(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	defer f.Close()
	return parseLabels(f, filepath.Base(path))
}
