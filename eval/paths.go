package main

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// escapePath applies the module cache's case encoding
// (golang.org/x/mod/module.EscapePath): every upper-case letter
// becomes '!' followed by its lower-case form.
func escapePath(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('!')
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unescapePath reverses escapePath. It fails on upper-case letters
// (never present in escaped paths) and on '!' not followed by a
// lower-case letter.
func unescapePath(p string) (string, error) {
	var b strings.Builder
	bang := false
	for _, r := range p {
		switch {
		case bang:
			if r < 'a' || r > 'z' {
				return "", fmt.Errorf("invalid escaped path %q: '!' before %q", p, r)
			}
			b.WriteRune(unicode.ToUpper(r))
			bang = false
		case r == '!':
			bang = true
		case r >= 'A' && r <= 'Z':
			return "", fmt.Errorf("invalid escaped path %q: upper-case %q", p, r)
		default:
			b.WriteRune(r)
		}
	}
	if bang {
		return "", fmt.Errorf("invalid escaped path %q: trailing '!'", p)
	}
	return b.String(), nil
}

// A Location is a source position mapped back to a module.
type Location struct {
	Module  string // "" if the file is not in the module cache
	Version string
	File    string // module-relative, slash-separated; the absolute path if Module == ""
	Line    int
	Col     int
}

// parsePosn splits a go/token.Position string ("file:line:col",
// "file:line" or "file") into its parts. The file name may itself
// contain colons.
func parsePosn(posn string) (file string, line, col int) {
	file = posn
	nums := []int{}
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(file[i+1:])
		if err != nil || n < 0 {
			break
		}
		nums = append(nums, n)
		file = file[:i]
	}
	switch len(nums) {
	case 1:
		line = nums[0]
	case 2:
		line, col = nums[1], nums[0]
	}
	return file, line, col
}

// mapFile maps an absolute file name to (module, version, module-relative
// file) when it lies in the module cache directory modcache, e.g.
// <modcache>/github.com/!victoria!metrics/!victoria!metrics@v1.151.0/lib/a.go
// becomes (github.com/VictoriaMetrics/VictoriaMetrics, v1.151.0, lib/a.go).
// Otherwise it returns ("", "", file).
func mapFile(modcache, file string) (module, version, rel string) {
	if modcache == "" {
		return "", "", file
	}
	root := filepath.Clean(modcache) + string(filepath.Separator)
	clean := filepath.Clean(file)
	if !strings.HasPrefix(clean, root) {
		return "", "", file
	}
	segs := strings.Split(filepath.ToSlash(clean[len(root):]), "/")
	for i, s := range segs {
		at := strings.IndexByte(s, '@')
		if at < 0 {
			continue
		}
		if i+1 >= len(segs) {
			break // a module root directory, not a file in it
		}
		escMod := strings.Join(append(append([]string{}, segs[:i]...), s[:at]), "/")
		mod, err1 := unescapePath(escMod)
		ver, err2 := unescapePath(s[at+1:])
		if err1 != nil || err2 != nil || mod == "" || ver == "" || strings.HasPrefix(mod, "cache/") {
			break
		}
		return mod, ver, strings.Join(segs[i+1:], "/")
	}
	return "", "", file
}

// locate parses a JSON "posn" and maps it to a Location.
func locate(modcache, posn string) Location {
	file, line, col := parsePosn(posn)
	mod, ver, rel := mapFile(modcache, file)
	return Location{Module: mod, Version: ver, File: rel, Line: line, Col: col}
}

// scratchName is the directory (and module-path element) used for the
// scratch module of a corpus module: "github.com/grafana/loki/v3" becomes
// "github.com-grafana-loki-v3".
func scratchName(module string) string {
	var b strings.Builder
	for len(module) > 0 {
		r, size := utf8.DecodeRuneInString(module)
		module = module[size:]
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}
