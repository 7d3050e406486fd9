// Package sarif turns the findings that `credlint -json` prints (the
// golang.org/x/tools analysis JSON tree) into a SARIF 2.1.0 log, the format
// GitHub code scanning and other SARIF consumers read.
//
// It knows nothing of the rules: the caller names them (ID, description,
// help URL). Every result gets its rule's ID and index, the finding's
// message (without the "<rule>: " prefix the CLI prints; credlint's
// messages already mask secrets, and no source text is copied), a region
// with 1-based lines and UTF-16 columns, and an artifact URI relative to
// the base directory (%SRCROOT%), percent-encoded. Suggested fixes become
// SARIF fixes and related positions related locations.
//
// A run that failed in part (a package that does not load or type-check)
// is still a log: the other packages' results are written, and each error
// is a toolExecutionNotifications entry of the run's invocation, whose
// executionSuccessful is then false.
package sarif

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/credlint/credlint/internal/jsontree"
)

// SchemaURI is the SARIF 2.1.0 schema's own id, written as the log's $schema.
const SchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRoot is the URI base ID of every artifact inside the base directory.
const srcRoot = "%SRCROOT%"

// Rule describes one rule of the tool.
type Rule struct {
	ID          string
	Description string // one line
	HelpURI     string
}

// Tool describes the tool that produced the findings.
type Tool struct {
	Name    string
	Version string // "" when unknown
	// SemanticVersion is the version as SemVer 2.0 (1.2.3), "" when the
	// build has none.
	SemanticVersion string
	InformationURI  string
	Rules           []Rule
	// Level is the level of every result: "error", "warning" or "note".
	Level string
}

// Convert reads the JSON tree printed by a go/analysis driver's -json flag
// and returns a SARIF 2.1.0 log with one run, and the number of results.
// File names are made relative to baseDir (absolute file URIs when a file
// lies outside it). An analysis error recorded in the tree (a package that
// does not load or type-check) and each of runErrs (errors of the run that
// no package carries, as the driver printed them) become a notification
// of the run's invocation, said once; the results of the other packages
// are written all the same. The error is for input that is not a JSON
// tree.
func Convert(tree []byte, baseDir string, tool Tool, runErrs ...string) ([]byte, int, error) {
	diags, failures, err := parseTree(tree)
	if err != nil {
		return nil, 0, err
	}
	baseDir, err = filepath.Abs(baseDir)
	if err != nil {
		return nil, 0, fmt.Errorf("sarif: %w", err)
	}
	c := &converter{base: baseDir, lines: map[string][]string{}, ruleIndex: map[string]int{}}
	level := cmp.Or(tool.Level, "warning")
	driver := &driver{Name: tool.Name, Version: tool.Version, SemanticVersion: tool.SemanticVersion, InformationURI: tool.InformationURI, Rules: []rule{}}
	for _, r := range tool.Rules {
		c.ruleIndex[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, newRule(r, level))
	}

	results := []result{}
	for _, d := range diags {
		id, text := ruleOf(d)
		idx, ok := c.ruleIndex[id]
		if !ok { // a category the caller did not name: describe it anyway
			idx = len(driver.Rules)
			c.ruleIndex[id] = idx
			driver.Rules = append(driver.Rules, newRule(Rule{ID: id, Description: id}, level))
		}
		res := result{RuleID: id, RuleIndex: idx, Level: level, Message: message{Text: text}}
		loc, err := c.location(d.Posn, d.End)
		if err != nil {
			return nil, 0, err
		}
		res.Locations = []location{loc}
		for i, rel := range d.Related {
			l, err := c.location(rel.Posn, rel.End)
			if err != nil {
				return nil, 0, err
			}
			l.ID = i + 1
			l.Message = &message{Text: rel.Message}
			res.RelatedLocations = append(res.RelatedLocations, l)
		}
		for _, f := range d.SuggestedFixes {
			res.Fixes = append(res.Fixes, c.fix(f))
		}
		results = append(results, res)
	}

	inv := invocation{ExecutionSuccessful: true, WorkingDirectory: &artifactLocation{URI: dirURI(baseDir)}}
	seen := map[string]bool{}
	for _, text := range append(failures, runErrs...) {
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), tool.Name+": "))
			if line == "" || seen[line] {
				continue
			}
			seen[line] = true
			inv.ExecutionSuccessful = false
			inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, c.notification(line))
		}
	}
	log := sarifLog{
		Schema:  SchemaURI,
		Version: "2.1.0",
		Runs: []run{{
			Tool:               toolComponent{Driver: driver},
			OriginalURIBaseIDs: map[string]artifactLocation{srcRoot: {URI: dirURI(baseDir)}},
			ColumnKind:         "utf16CodeUnits",
			Invocations:        []invocation{inv},
			Results:            results,
		}},
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return nil, 0, fmt.Errorf("sarif: %w", err)
	}
	return buf.Bytes(), len(results), nil
}

// errorPosn is the position that starts a positioned error:
// "/abs/file.go:3:13: message" (the column is optional).
var errorPosn = regexp.MustCompile(`^(.+?\.(?:go|toml)):(\d+)(?::(\d+))?: `)

// notification is an error of the run, at the position it starts with
// when it has one.
func (c *converter) notification(text string) notification {
	n := notification{Level: "error", Message: message{Text: text}}
	if m := errorPosn.FindStringSubmatch(text); m != nil {
		posn := m[1] + ":" + m[2]
		if m[3] != "" {
			posn += ":" + m[3]
		}
		if loc, err := c.location(posn, ""); err == nil {
			n.Locations = []location{loc}
		}
	}
	return n
}

func newRule(r Rule, level string) rule {
	out := rule{
		ID:                   r.ID,
		Name:                 r.ID,
		ShortDescription:     &message{Text: cmp.Or(r.Description, r.ID)},
		HelpURI:              r.HelpURI,
		DefaultConfiguration: &ruleConfig{Level: level},
	}
	if r.HelpURI != "" {
		out.Help = &message{Text: "See " + r.HelpURI, Markdown: fmt.Sprintf("See [%s](%s).", r.ID, r.HelpURI)}
	}
	return out
}

// ruleOf returns a diagnostic's rule (its category, else the message's
// "<rule>: " prefix) and its message without that prefix.
func ruleOf(d jsonDiagnostic) (id, text string) {
	id = d.Category
	if id == "" {
		if p, _, ok := strings.Cut(d.Message, ": "); ok && !strings.ContainsAny(p, " \t") {
			id = p
		} else {
			id = "credlint"
		}
	}
	return id, cmp.Or(strings.TrimPrefix(d.Message, id+": "), d.Message)
}

// The input: the x/tools JSON tree (internal/jsontree).

type (
	jsonDiagnostic = jsontree.Diagnostic
	jsonFix        = jsontree.SuggestedFix
)

// parseTree decodes {"pkg": {"analyzer": [diagnostics] | {"error": "..."}}}
// and returns the diagnostics in position order and the errors in package
// order.
func parseTree(data []byte) ([]jsonDiagnostic, []string, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &tree); err != nil {
		return nil, nil, fmt.Errorf("sarif: reading the analysis JSON: %w", err)
	}
	var diags []jsonDiagnostic
	var failures []string
	for _, pkg := range sortedKeys(tree) {
		for _, name := range sortedKeys(tree[pkg]) {
			raw := bytes.TrimSpace(tree[pkg][name])
			if len(raw) > 0 && raw[0] == '{' {
				var e jsontree.Error
				if err := json.Unmarshal(raw, &e); err != nil {
					return nil, nil, fmt.Errorf("sarif: %s: %s: %w", pkg, name, err)
				}
				failures = append(failures, e.Err)
				continue
			}
			var ds []jsonDiagnostic
			if err := json.Unmarshal(raw, &ds); err != nil {
				return nil, nil, fmt.Errorf("sarif: %s: %s: %w", pkg, name, err)
			}
			diags = append(diags, ds...)
		}
	}
	slices.SortStableFunc(diags, func(a, b jsonDiagnostic) int {
		pa, pb := parsePosn(a.Posn), parsePosn(b.Posn)
		return cmp.Or(cmp.Compare(pa.file, pb.file), cmp.Compare(pa.line, pb.line), cmp.Compare(pa.col, pb.col),
			cmp.Compare(a.Category, b.Category), cmp.Compare(a.Message, b.Message))
	})
	// Several packages (a package and its test variant) can report the
	// same diagnostic: keep one.
	return slices.CompactFunc(diags, func(a, b jsonDiagnostic) bool {
		return a.Posn == b.Posn && a.Category == b.Category && a.Message == b.Message
	}), failures, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// posn is a parsed "file:line:col" (line and col may be 0).
type posn struct {
	file      string
	line, col int
}

// parsePosn parses token.Position.String() output: "file:line:col",
// "file:line", "file" or "-". File names may hold colons.
func parsePosn(s string) posn {
	var p posn
	if s == "-" || s == "" {
		return p
	}
	rest := s
	var nums []int
	for range 2 {
		i := strings.LastIndexByte(rest, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(rest[i+1:])
		if err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		rest = rest[:i]
	}
	p.file = rest
	if len(nums) > 0 {
		p.line = nums[0]
	}
	if len(nums) > 1 {
		p.col = nums[1]
	}
	return p
}

type converter struct {
	base      string
	lines     map[string][]string // file contents by line, for UTF-16 columns
	ruleIndex map[string]int
}

func (c *converter) location(start, end string) (location, error) {
	s, e := parsePosn(start), parsePosn(end)
	if s.file == "" {
		return location{}, fmt.Errorf("sarif: a finding without a position: %q", start)
	}
	r := &region{StartLine: max(s.line, 1)}
	if s.col > 0 {
		r.StartColumn = c.utf16Col(s.file, s.line, s.col)
	}
	if e.file == s.file && e.line >= s.line && e.line > 0 && e.col > 0 && (e.line > s.line || e.col >= s.col) {
		r.EndLine = e.line
		r.EndColumn = c.utf16Col(e.file, e.line, e.col)
	}
	return location{PhysicalLocation: &physicalLocation{ArtifactLocation: c.artifact(s.file), Region: r}}, nil
}

// artifact returns the location of a file: relative to %SRCROOT% when it
// lies inside the base directory, else an absolute file URI.
func (c *converter) artifact(file string) artifactLocation {
	abs := file
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(c.base, abs)
	}
	if rel, err := filepath.Rel(c.base, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return artifactLocation{URI: escapePath(filepath.ToSlash(rel)), URIBaseID: srcRoot}
	}
	return artifactLocation{URI: fileURI(abs)}
}

// utf16Col converts a 1-based byte column to a 1-based UTF-16 column, using
// the file's text (unchanged when the file cannot be read).
func (c *converter) utf16Col(file string, line, col int) int {
	lines, ok := c.lines[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		c.lines[file] = lines
	}
	if line < 1 || line > len(lines) {
		return col
	}
	text := lines[line-1]
	if col-1 > len(text) || !utf8.ValidString(text[:col-1]) {
		return col
	}
	n := 1
	for _, r := range text[:col-1] {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func (c *converter) fix(f jsonFix) fix {
	byFile := map[string]*artifactChange{}
	var order []string
	for _, e := range f.Edits {
		ch := byFile[e.Filename]
		if ch == nil {
			ch = &artifactChange{ArtifactLocation: c.artifact(e.Filename)}
			byFile[e.Filename] = ch
			order = append(order, e.Filename)
		}
		ch.Replacements = append(ch.Replacements, replacement{
			DeletedRegion:   region{ByteOffset: &e.Start, ByteLength: ptr(e.End - e.Start)},
			InsertedContent: &artifactContent{Text: e.New},
		})
	}
	out := fix{Description: &message{Text: f.Message}, ArtifactChanges: []artifactChange{}}
	for _, name := range order {
		out.ArtifactChanges = append(out.ArtifactChanges, *byFile[name])
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// escapePath percent-encodes each segment of a slash path.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

// fileURI is the file:// URI of an absolute path.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x -> /C:/x
	}
	return "file://" + escapePath(p)
}

// dirURI is the file:// URI of a directory, with the trailing slash SARIF
// requires of a base URI.
func dirURI(abs string) string {
	u := fileURI(abs)
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// The output: the subset of SARIF 2.1.0 credlint writes.

type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []run  `json:"runs"`
}

type run struct {
	Tool               toolComponent               `json:"tool"`
	Invocations        []invocation                `json:"invocations,omitempty"`
	OriginalURIBaseIDs map[string]artifactLocation `json:"originalUriBaseIds,omitempty"`
	ColumnKind         string                      `json:"columnKind,omitempty"`
	Results            []result                    `json:"results"`
}

type toolComponent struct {
	Driver *driver `json:"driver"`
}

type driver struct {
	Name            string `json:"name"`
	Version         string `json:"version,omitempty"`
	SemanticVersion string `json:"semanticVersion,omitempty"`
	InformationURI  string `json:"informationUri,omitempty"`
	Rules           []rule `json:"rules"`
}

type rule struct {
	ID                   string      `json:"id"`
	Name                 string      `json:"name,omitempty"`
	ShortDescription     *message    `json:"shortDescription,omitempty"`
	HelpURI              string      `json:"helpUri,omitempty"`
	Help                 *message    `json:"help,omitempty"`
	DefaultConfiguration *ruleConfig `json:"defaultConfiguration,omitempty"`
}

type ruleConfig struct {
	Level string `json:"level,omitempty"`
}

type invocation struct {
	ExecutionSuccessful        bool              `json:"executionSuccessful"`
	ToolExecutionNotifications []notification    `json:"toolExecutionNotifications,omitempty"`
	WorkingDirectory           *artifactLocation `json:"workingDirectory,omitempty"`
}

type notification struct {
	Level     string     `json:"level"`
	Message   message    `json:"message"`
	Locations []location `json:"locations,omitempty"`
}

type message struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type result struct {
	RuleID           string     `json:"ruleId"`
	RuleIndex        int        `json:"ruleIndex"`
	Level            string     `json:"level,omitempty"`
	Message          message    `json:"message"`
	Locations        []location `json:"locations"`
	RelatedLocations []location `json:"relatedLocations,omitempty"`
	Fixes            []fix      `json:"fixes,omitempty"`
}

type location struct {
	ID               int               `json:"id,omitempty"`
	PhysicalLocation *physicalLocation `json:"physicalLocation,omitempty"`
	Message          *message          `json:"message,omitempty"`
}

type physicalLocation struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Region           *region          `json:"region,omitempty"`
}

type artifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type region struct {
	StartLine   int  `json:"startLine,omitempty"`
	StartColumn int  `json:"startColumn,omitempty"`
	EndLine     int  `json:"endLine,omitempty"`
	EndColumn   int  `json:"endColumn,omitempty"`
	ByteOffset  *int `json:"byteOffset,omitempty"`
	ByteLength  *int `json:"byteLength,omitempty"`
}

type fix struct {
	Description     *message         `json:"description,omitempty"`
	ArtifactChanges []artifactChange `json:"artifactChanges"`
}

type artifactChange struct {
	ArtifactLocation artifactLocation `json:"artifactLocation"`
	Replacements     []replacement    `json:"replacements"`
}

type replacement struct {
	DeletedRegion   region           `json:"deletedRegion"`
	InsertedContent *artifactContent `json:"insertedContent,omitempty"`
}

type artifactContent struct {
	Text string `json:"text"`
}
