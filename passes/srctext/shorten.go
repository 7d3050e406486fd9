package srctext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Shorten fits rendered source text (or a clause of prose around it) in
// max characters without cutting a word: it first drops whole arguments,
// last first (`f(a, b, c)` -> `f(a, b, ...)` -> `f(a, ...)` -> `f(...)`,
// and the same for composite literals), then, if that is not enough, cuts
// at the last word boundary that fits and ends with "…". A word is a run
// of letters, digits and underscores: an identifier is never cut
// (`cfg.Credentials.Retriev…`), nor is a call or literal cut at its
// bracket (`client.AssumeRole(…`), nor a string right after its quote. When even the first word is longer than
// max, the text is cut after it; text that is a single word is returned
// whole.
func Shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	for utf8.RuneCountInString(s) > max {
		t, ok := dropArg(s)
		if !ok {
			break
		}
		s = t
	}
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return cutAtWord(s, max)
}

// cutAtWord cuts s at the last word boundary that leaves room for "…" in
// max characters (or at the first boundary when none does).
func cutAtWord(s string, max int) string {
	r := []rune(s)
	cut := -1
	quoted := false // inside a "..." literal
	for i := 1; i < len(r); i++ {
		opens := false
		if r[i-1] == '"' && (i < 2 || r[i-2] != '\\') {
			quoted = !quoted
			opens = quoted
		}
		if isWord(r[i-1]) && isWord(r[i]) || opens || isOpen(r[i-1]) || isOpen(r[i]) {
			continue // within a word, right after an opening quote, at a bracket
		}
		if n := len([]rune(strings.TrimRight(string(r[:i]), " "))); n > 0 && n <= max-1 {
			cut = i
		} else if n > max-1 {
			if cut < 0 {
				cut = i
			}
			break
		}
	}
	if cut < 0 {
		return s // one word: never cut
	}
	return strings.TrimRight(string(r[:cut]), " ") + "…"
}

func isOpen(r rune) bool { return r == '(' || r == '{' || r == '[' }

func isWord(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// dropArg drops the last argument of the last call or composite literal
// (outside string literals) whose arguments can be shortened, and reports
// whether it found one that made s shorter.
func dropArg(s string) (string, bool) {
	groups := groupsOf(s)
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		args := splitArgs(s[g.open+1 : g.close])
		var out []string
		switch n := len(args); {
		case n == 0:
			continue
		case args[n-1] == "...":
			if n == 1 {
				continue
			}
			out = append(args[:n-2:n-2], "...")
		default:
			out = append(args[:n-1:n-1], "...")
		}
		t := s[:g.open+1] + strings.Join(out, ", ") + s[g.close:]
		if len(t) < len(s) {
			return t, true
		}
	}
	return "", false
}

// group is a pair of matching parentheses or braces at byte offsets.
type group struct{ open, close int }

// groupsOf returns the outermost (...) and {...} groups of s in order,
// skipping string and rune literals.
func groupsOf(s string) []group {
	var out []group
	depth, open := 0, -1
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'', '`':
			i = skipQuoted(s, i)
		case '(', '{', '[':
			if depth == 0 && c != '[' {
				open = i
			}
			depth++
		case ')', '}', ']':
			if depth == 0 {
				continue // unbalanced: a clause cut before
			}
			depth--
			if depth == 0 && open >= 0 && c != ']' {
				out = append(out, group{open, i})
				open = -1
			}
		}
	}
	return out
}

// splitArgs splits the text between a group's delimiters at its top-level
// commas.
func splitArgs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"', '\'', '`':
			i = skipQuoted(s, i)
		case '(', '{', '[':
			depth++
		case ')', '}', ']':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// skipQuoted returns the index of the quote that closes the literal opened
// at s[i] (the last index of s when it is not closed).
func skipQuoted(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case s[j] == '\\' && q != '`':
			j++
		case s[j] == q:
			return j
		}
	}
	return len(s) - 1
}
