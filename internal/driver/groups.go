package driver

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// A Group is a set of patterns the go command must resolve in one
// directory: the module (or workspace) that holds them.
type Group struct {
	Dir      string
	Patterns []string
}

// Groups splits patterns by the module that holds them, so that a
// monorepo's modules can be named from a parent directory, as the go
// command cannot ("directory prefix svc does not contain main module"):
//
//   - an import path pattern (github.com/..., std) stays in dir;
//   - a directory pattern (., ./svc, ./svc/...) goes to the module that
//     holds the directory, rewritten relative to that module's root;
//   - a directory pattern ending in /... whose directory lies outside the
//     module of dir (a parent of several modules, or another module) also
//     names every module below the directory. Inside the module of dir,
//     ./... means what it means to the go command: that module only.
//
// Groups are returned in the order their first pattern appears.
func Groups(dir string, env []string, patterns []string) ([]Group, error) {
	base := dir
	if base == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		base = wd
	}
	base, err := filepath.Abs(base)
	if err != nil {
		return nil, err
	}
	main := moduleRoot(base)

	var groups []Group
	add := func(d, pattern string) {
		for i := range groups {
			if groups[i].Dir == d {
				if !slices.Contains(groups[i].Patterns, pattern) {
					groups[i].Patterns = append(groups[i].Patterns, pattern)
				}
				return
			}
		}
		groups = append(groups, Group{Dir: d, Patterns: []string{pattern}})
	}
	for _, p := range patterns {
		if !isDirPattern(p) {
			add(dir, p)
			continue
		}
		recursive := p == "..." || strings.HasSuffix(p, "/...")
		d := filepath.Join(base, strings.TrimSuffix(strings.TrimSuffix(p, "..."), "/"))
		switch own := moduleRoot(d); {
		case own != "" && own == main:
			add(dir, p) // the go command's own semantics
		case own != "":
			// Another module: its root is where the go command can
			// resolve the pattern.
			rel, _ := filepath.Rel(own, d)
			q := "./" + filepath.ToSlash(rel)
			switch {
			case rel == "." && recursive:
				q = "./..."
			case rel == ".":
				q = "."
			case recursive:
				q += "/..."
			}
			add(samePath(own, base, dir), q)
			fallthrough
		default:
			below := modulesBelow(d)
			if !recursive || len(below) == 0 {
				if own == "" {
					add(dir, p) // no module: let the go command say so
				}
				continue
			}
			for _, m := range below {
				if m != own {
					add(samePath(m, base, dir), "./...")
				}
			}
		}
	}
	return groups, nil
}

// samePath returns dir when d is the directory dir stands for (so that a
// single group keeps the caller's Dir, "" included), else d.
func samePath(d, base, dir string) string {
	if d == base {
		return dir
	}
	return d
}

// isDirPattern reports whether a package pattern names a directory
// relative to the working directory.
func isDirPattern(p string) bool {
	return p == "." || p == ".." || p == "..." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../")
}

// moduleRoot returns the directory of the go.mod that holds dir, or "".
func moduleRoot(dir string) string {
	for d := dir; ; {
		if st, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !st.IsDir() {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

// modulesBelow returns the roots of the modules in or below dir, skipping
// what the go command skips for ./... (directories named testdata or
// vendor, or starting with . or _).
func modulesBelow(dir string) []string {
	var roots []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if p != dir && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == "go.mod" {
			roots = append(roots, filepath.Dir(p))
		}
		return nil
	})
	return roots
}

// ModulesOf returns the roots of the modules that hold the given files
// (changed files, as a pre-commit hook passes them), each once, in order.
// Files outside any module are ignored.
func ModulesOf(dir string, files []string) []string {
	var roots []string
	for _, f := range files {
		if !filepath.IsAbs(f) {
			f = filepath.Join(dir, f)
		}
		root := moduleRoot(filepath.Dir(f))
		if root != "" && !slices.Contains(roots, root) {
			roots = append(roots, root)
		}
	}
	return roots
}
