package main

import (
	"fmt"
	"strings"
)

// A Replace is one replace directive of a go.mod file.
type Replace struct {
	Old, OldVersion string
	New, NewVersion string
}

// String formats r as the argument of `go mod edit -replace`.
func (r Replace) String() string {
	old, nw := r.Old, r.New
	if r.OldVersion != "" {
		old += "@" + r.OldVersion
	}
	if r.NewVersion != "" {
		nw += "@" + r.NewVersion
	}
	return old + "=" + nw
}

// isLocal reports whether r points at a directory rather than a module.
func (r Replace) isLocal() bool {
	p := r.New
	return r.NewVersion == "" || p == "." || p == ".." ||
		strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || strings.HasPrefix(p, "/") ||
		strings.HasPrefix(p, `.\`) || strings.HasPrefix(p, `..\`) || (len(p) > 1 && p[1] == ':')
}

// parseReplaces extracts the replace directives of go.mod text, in both
// the single-line and the block form. Comments are dropped. (The eval
// module uses the standard library only, hence no x/mod/modfile.)
func parseReplaces(gomod string) ([]Replace, error) {
	var out []Replace
	inBlock := false
	for i, line := range strings.Split(gomod, "\n") {
		if j := strings.Index(line, "//"); j >= 0 {
			line = line[:j]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		var spec []string
		switch {
		case inBlock && f[0] == ")":
			inBlock = false
			continue
		case inBlock:
			spec = f
		case f[0] == "replace" && len(f) == 2 && f[1] == "(":
			inBlock = true
			continue
		case f[0] == "replace" && len(f) > 1 && f[1] == "(" && f[len(f)-1] == ")":
			spec = f[2 : len(f)-1] // replace ( a => b v )
		case f[0] == "replace":
			spec = f[1:]
		default:
			continue
		}
		if len(spec) == 0 {
			continue
		}
		r, err := parseReplaceSpec(spec)
		if err != nil {
			return nil, fmt.Errorf("go.mod line %d: %v", i+1, err)
		}
		out = append(out, r)
	}
	return out, nil
}

func parseReplaceSpec(f []string) (Replace, error) {
	arrow := -1
	for i, s := range f {
		if s == "=>" {
			arrow = i
		}
	}
	if arrow < 1 || arrow > 2 || len(f)-arrow-1 < 1 || len(f)-arrow-1 > 2 {
		return Replace{}, fmt.Errorf("malformed replace %q", strings.Join(f, " "))
	}
	r := Replace{Old: unquote(f[0]), New: unquote(f[arrow+1])}
	if arrow == 2 {
		r.OldVersion = f[1]
	}
	if len(f) == arrow+3 {
		r.NewVersion = f[arrow+2]
	}
	return r, nil
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '`' && s[len(s)-1] == '`') {
		return s[1 : len(s)-1]
	}
	return s
}
