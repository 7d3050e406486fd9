// Package jsontree is the JSON that go/analysis drivers print with -json
// (x/tools internal/analysis/driverutil.JSONTree): package ID -> analyzer
// name -> a list of diagnostics, or {"error": "..."}. credlint's driver
// writes it and the SARIF converter reads it.
package jsontree

// Diagnostic is one diagnostic.
type Diagnostic struct {
	Category       string         `json:"category,omitempty"`
	Posn           string         `json:"posn"` // file:line:col
	End            string         `json:"end"`  // file:line:col
	Message        string         `json:"message"`
	SuggestedFixes []SuggestedFix `json:"suggested_fixes,omitempty"`
	Related        []Related      `json:"related,omitempty"`
}

// SuggestedFix is a fix: edits that apply together or not at all.
type SuggestedFix struct {
	Message string     `json:"message"`
	Edits   []TextEdit `json:"edits"`
}

// TextEdit replaces the bytes [Start, End) of Filename with New.
type TextEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

// Related is a secondary position of a diagnostic.
type Related struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// Error is the entry of an analysis that failed.
type Error struct {
	Err string `json:"error"`
}
