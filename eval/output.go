package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// jsonDiagnostic is the part of x/tools' JSONDiagnostic
// (internal/analysis/driverutil) that we use.
type jsonDiagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	End      string `json:"end"`
	Message  string `json:"message"`
}

// A Finding is one (deduplicated) diagnostic reported by credlint.
type Finding struct {
	Location
	Rule     string
	Message  string
	Posn     string // as printed by credlint
	Analyzer string
	Pkg      string // package ID of the first occurrence
	// Other holds differing messages reported for the same position and
	// rule under other package IDs (e.g. the test variant "p [p.test]"),
	// as "<package ID>: <message>".
	Other []string
}

// A PkgError is an "error" entry of the JSON tree: the analyzer failed on
// (or skipped) a package.
type PkgError struct {
	Pkg      string
	Analyzer string
	Err      string
}

// ruleOf returns the rule of a diagnostic: its category, or else the
// "rule: " prefix of its message, or else the analyzer name.
func ruleOf(d jsonDiagnostic, analyzer string) string {
	if d.Category != "" {
		return d.Category
	}
	if i := strings.Index(d.Message, ": "); i > 0 && isWord(d.Message[:i]) {
		return d.Message[:i]
	}
	return analyzer
}

func isWord(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return s != ""
}

// parseOutput parses the -json output of a go/analysis driver.
//
// singlechecker/multichecker (go/analysis/internal/checker) print a single
// JSON object {"<package ID>": {"<analyzer>": [diagnostics] | {"error": "..."}}}
// with one entry per root package; with -test (the default) the same file
// appears under several package IDs ("p", "p [p.test]", "p_test [p.test]"),
// so findings are deduplicated by position and rule (the first package ID in
// sorted order, normally the non-test variant, gives the message). unitchecker (go vet -vettool) prints one such
// object per package, so a stream of concatenated objects is accepted too, and
// stray non-JSON lines are skipped (and returned as noise).
func parseOutput(data []byte, modcache string) (findings []Finding, errs []PkgError, noise []string, err error) {
	type tree map[string]map[string]json.RawMessage
	var trees []tree
	rest := data
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 {
			break
		}
		if rest[0] != '{' {
			line, after, _ := bytes.Cut(rest, []byte("\n"))
			noise = append(noise, string(line))
			rest = after
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(rest))
		var t tree
		if err := dec.Decode(&t); err != nil {
			if err == io.ErrUnexpectedEOF {
				return nil, nil, noise, fmt.Errorf("truncated JSON output: %v", err)
			}
			// Not a JSON tree after all: skip this line.
			line, after, _ := bytes.Cut(rest, []byte("\n"))
			noise = append(noise, string(line))
			rest = after
			continue
		}
		trees = append(trees, t)
		rest = rest[dec.InputOffset():]
	}

	seen := map[string]int{} // key -> index in findings
	for _, t := range trees {
		for _, pkg := range sortedKeys(t) {
			byAnalyzer := t[pkg]
			for _, an := range sortedKeys(byAnalyzer) {
				raw := bytes.TrimSpace(byAnalyzer[an])
				switch {
				case len(raw) == 0 || string(raw) == "null":
				case raw[0] == '{':
					var e struct {
						Error string `json:"error"`
					}
					if err := json.Unmarshal(raw, &e); err != nil {
						return nil, nil, noise, fmt.Errorf("package %s, analyzer %s: %v", pkg, an, err)
					}
					errs = append(errs, PkgError{Pkg: pkg, Analyzer: an, Err: e.Error})
				case raw[0] == '[':
					var diags []jsonDiagnostic
					if err := json.Unmarshal(raw, &diags); err != nil {
						return nil, nil, noise, fmt.Errorf("package %s, analyzer %s: %v", pkg, an, err)
					}
					for _, d := range diags {
						f := Finding{
							Location: locate(modcache, d.Posn),
							Rule:     ruleOf(d, an),
							Message:  d.Message,
							Posn:     d.Posn,
							Analyzer: an,
							Pkg:      pkg,
						}
						key := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", f.Module, f.File, f.Line, f.Col, f.Rule)
						if i, ok := seen[key]; ok {
							if prev := &findings[i]; prev.Message != f.Message && !slices.Contains(prev.Other, pkg+": "+f.Message) {
								prev.Other = append(prev.Other, pkg+": "+f.Message)
							}
							continue
						}
						seen[key] = len(findings)
						findings = append(findings, f)
					}
				default:
					return nil, nil, noise, fmt.Errorf("package %s, analyzer %s: unexpected JSON %.40s", pkg, an, raw)
				}
			}
		}
	}
	sortFindings(findings)
	return findings, errs, noise, nil
}

func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
