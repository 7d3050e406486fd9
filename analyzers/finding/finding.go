// Package finding is the result type every credlint rule returns. Rules do
// not report diagnostics themselves: the root analyzer (package analyzers)
// applies configuration and suppression to their findings and reports them,
// since drivers print only a root analyzer's diagnostics.
package finding

import (
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/srctext"
)

// MaxMessage is the length budget of a message after its "<rule>: ", in
// characters (TestMessageBudget in package analyzers holds every fixture
// message to it).
const MaxMessage = 200

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

// Brief shortens a rendered construction for a message: text itself when
// it is at most max characters, else short (the callee or type alone,
// "credentials.NewStaticV4(...)"), shortened by Clip.
func Brief(text, short string, max int) string {
	if utf8.RuneCountInString(text) <= max || short == "" {
		return Clip(text, max)
	}
	return Clip(short, max)
}

// Clip fits s in max characters without cutting a word: whole arguments
// are dropped first, then s is cut between words and ends with "…"
// (srctext.Shorten).
func Clip(s string, max int) string { return srctext.Shorten(s, max) }

// ClipList shortens a comma-separated list ("A, B, C") to the items that
// fit in max characters, followed by ", …". The first item is kept whole
// when it fits in max alone, else shortened by Clip.
func ClipList(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	items := strings.Split(s, ", ")
	out := Clip(items[0], max)
	for _, it := range items[1:] {
		if utf8.RuneCountInString(out+", "+it) > max-3 {
			break
		}
		out += ", " + it
	}
	return out + ", …"
}

// whereRE finds positions quoted in a message: "internal/store/store.go:40".
var whereRE = regexp.MustCompile(`[A-Za-z0-9_.@~+-]+(?:/[A-Za-z0-9_.@~+-]+)*\.go:\d+`)

// Resolve returns the position of a "path/file.go:line" written by Where,
// when that file is in fset (a file of another package loaded from export
// data is not): the start of that line.
func Resolve(fset *token.FileSet, where string) (token.Pos, bool) {
	i := strings.LastIndex(where, ":")
	if i < 0 {
		return token.NoPos, false
	}
	path := where[:i]
	line, err := strconv.Atoi(where[i+1:])
	if err != nil || line < 1 {
		return token.NoPos, false
	}
	base := filepath.Base(path)
	pos := token.NoPos
	fset.Iterate(func(f *token.File) bool {
		if filepath.Base(f.Name()) != base || srctext.RelPath(f.Name()) != path || line > f.LineCount() {
			return true
		}
		pos = f.LineStart(line)
		return false
	})
	return pos, pos.IsValid()
}

// Steps returns a related position for each position quoted in msg that
// resolves in fset and is not already one of have, each described by the
// clause of msg that quotes it ("cfg.Credentials.Retrieve(ctx) at
// internal/awsauth/awsauth.go:29"): the provenance chain as links.
func Steps(fset *token.FileSet, msg string, have []analysis.RelatedInformation) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	lines := map[Line]bool{}
	for _, r := range have {
		lines[LineOf(fset, r.Pos)] = true
	}
	for _, m := range whereRE.FindAllStringIndex(msg, -1) {
		pos, ok := Resolve(fset, msg[m[0]:m[1]])
		if !ok || lines[LineOf(fset, pos)] {
			continue
		}
		lines[LineOf(fset, pos)] = true
		out = append(out, analysis.RelatedInformation{Pos: pos, Message: clause(msg, m[0], m[1])})
	}
	return out
}

// Line is a file and a line: what suppression comments and related
// positions are matched by.
type Line struct {
	File string
	Line int
}

// LineOf returns the file and line of pos.
func LineOf(fset *token.FileSet, pos token.Pos) Line {
	p := fset.Position(pos)
	return Line{p.Filename, p.Line}
}

// clause describes the position quoted at msg[start:end] by the clause of
// msg that quotes it, without the position itself (a related position
// carries its own): "cfg.Credentials.Retrieve(ctx) at
// internal/awsauth/awsauth.go:29" gives "cfg.Credentials.Retrieve(ctx)". The
// clause starts after the enclosing "(", or a ", ", "; " or ": " outside
// parentheses; a trailing "at" or "from" is dropped. A position alone in
// parentheses takes the clause before them: "awsx.NoRetries returns
// aws.NopRetryer (internal/awsx/awsx.go:11)" gives "awsx.NoRetries returns
// aws.NopRetryer".
func clause(msg string, start, end int) string {
	i := clauseStart(msg, start)
	// A call cut short in the message ("client.AssumeRole(&stsv… at ...")
	// leaves an unclosed "(": the clause starts before the call.
	for i > 1 && msg[i-1] == '(' && isIdentByte(msg[i-2]) && strings.Contains(msg[i:start], "…") {
		i = clauseStart(msg, i-1)
	}
	s := strings.TrimSpace(msg[i:start])
	for _, w := range []string{" at", " from", ":"} {
		s = strings.TrimSpace(strings.TrimSuffix(" "+s, w))
	}
	if s == "" && i > 0 && msg[i-1] == '(' {
		j := strings.TrimRight(msg[:i-1], " ")
		if k := clauseStart(j, len(j)); k < len(j) {
			return strings.TrimSpace(j[k:])
		}
	}
	if s == "" {
		return msg[start:end]
	}
	return s
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// clauseStart returns where the clause that ends at end begins.
func clauseStart(msg string, end int) int {
	depth := 0
	for i := end; i > 0; i-- {
		switch c := msg[i-1]; {
		case c == ')':
			depth++
		case c == '(':
			if depth == 0 {
				return i
			}
			depth--
		case depth == 0 && c == ' ' && i >= 2 && strings.ContainsRune(",;:", rune(msg[i-2])):
			return i
		}
	}
	return 0
}

// Step returns a related position for a step of a provenance chain given
// as "path/file.go:line" (Where's format), when it resolves in fset.
func Step(fset *token.FileSet, where, msg string) (analysis.RelatedInformation, bool) {
	pos, ok := Resolve(fset, where)
	if !ok {
		return analysis.RelatedInformation{}, false
	}
	return analysis.RelatedInformation{Pos: pos, Message: msg}, true
}

// ViaSteps returns a related position for each helper call of a
// provenance chain ("awsx.NewS3 at internal/awsx/awsx.go:22").
func ViaSteps(fset *token.FileSet, via []string) []analysis.RelatedInformation {
	var out []analysis.RelatedInformation
	for _, v := range via {
		name, where, ok := strings.Cut(v, " at ")
		if !ok {
			continue
		}
		if r, ok := Step(fset, where, "through "+name); ok {
			out = append(out, r)
		}
	}
	return out
}

// SplitAt splits a provenance detail "expr at path/file.go:line" into the
// expression and the position.
func SplitAt(detail string) (expr, where string) {
	i := strings.LastIndex(detail, " at ")
	if i < 0 || !whereRE.MatchString(detail[i+4:]) {
		return detail, ""
	}
	return detail[:i], detail[i+4:]
}
