package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A Module is a corpus module with the packages to analyze.
type Module struct {
	Path     string
	Version  string
	Packages []string // sorted, unique
}

// modulesOf groups corpus rows by module, sorted by module path.
func modulesOf(rows []CorpusRow) []Module {
	byPath := map[string]*Module{}
	pkgs := map[string]map[string]bool{}
	for _, r := range rows {
		if byPath[r.Module] == nil {
			byPath[r.Module] = &Module{Path: r.Module, Version: r.Version}
			pkgs[r.Module] = map[string]bool{}
		}
		pkgs[r.Module][r.Package] = true
	}
	var out []Module
	for _, p := range sortedKeys(byPath) {
		m := byPath[p]
		m.Packages = sortedKeys(pkgs[p])
		out = append(out, *m)
	}
	return out
}

// selectModules applies the -only filter: a comma-separated list of module
// paths; an entry that is not an exact module path selects every module
// whose path contains it (case-insensitively).
func selectModules(mods []Module, only string) ([]Module, error) {
	if only == "" {
		return mods, nil
	}
	sel := map[string]bool{}
	for _, want := range strings.Split(only, ",") {
		want = strings.TrimSpace(want)
		if want == "" {
			continue
		}
		n := 0
		for _, m := range mods {
			if m.Path == want {
				sel[m.Path] = true
				n++
			}
		}
		if n == 0 {
			for _, m := range mods {
				if strings.Contains(strings.ToLower(m.Path), strings.ToLower(want)) {
					sel[m.Path] = true
					n++
				}
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("-only %q matches no corpus module", want)
		}
	}
	var out []Module
	for _, m := range mods {
		if sel[m.Path] {
			out = append(out, m)
		}
	}
	return out, nil
}

// goEnv returns the environment for go commands in scratch modules:
// the local toolchain only, no workspace, and extra GOFLAGS appended.
func goEnv(extraGoflags string) []string {
	var env []string
	goflags := ""
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		switch k {
		case "GOTOOLCHAIN", "GOWORK":
			continue
		case "GOFLAGS":
			goflags = v
			continue
		}
		env = append(env, kv)
	}
	goflags = strings.TrimSpace(goflags + " " + extraGoflags)
	env = append(env, "GOTOOLCHAIN=local", "GOWORK=off")
	if goflags != "" {
		env = append(env, "GOFLAGS="+goflags)
	}
	return env
}

// command runs name args in dir and returns its stdout; on failure the
// error includes the tail of stderr. With verbose, stderr is also streamed.
func command(ctx context.Context, dir string, env []string, verbose bool, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if verbose {
		cmd.Stderr = io.MultiWriter(&stderr, os.Stderr)
	}
	err := cmd.Run()
	if err != nil {
		return stdout.Bytes(), fmt.Errorf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, tail(stderr.String(), 30))
	}
	return stdout.Bytes(), nil
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("[... %d lines omitted]", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

// SetupResult records the setup of one scratch module.
type SetupResult struct {
	Module   Module
	Dir      string
	Cached   bool // an earlier setup with the same inputs was reused
	Wall     time.Duration
	Replaces int    // replace directives copied in
	Deps     int    // packages listed by `go list -deps -test`; -1 if not verified
	Err      string // "" on success
}

// Setup holds the settings of the setup phase.
type Setup struct {
	Work     string // work directory
	Replaces string // "all", "none" or a comma-separated list of modules
	Fresh    bool   // delete scratch modules first
	Verify   bool   // run `go list -deps -test` after setup
	Verbose  bool
}

func (s *Setup) copyReplaces(module string) bool {
	switch s.Replaces {
	case "all":
		return true
	case "none", "":
		return false
	}
	for _, m := range strings.Split(s.Replaces, ",") {
		if strings.TrimSpace(m) == module {
			return true
		}
	}
	return false
}

func scratchDir(work string, m Module) string {
	return filepath.Join(work, "mods", scratchName(m.Path))
}

// setup creates (or reuses) the scratch module for m.
func (s *Setup) setup(ctx context.Context, m Module) (res SetupResult) {
	start := time.Now()
	res = SetupResult{Module: m, Dir: scratchDir(s.Work, m), Deps: -1}
	defer func() { res.Wall = time.Since(start) }()
	fail := func(err error) SetupResult {
		res.Err = err.Error()
		return res
	}
	dir := res.Dir
	if s.Fresh {
		if err := os.RemoveAll(dir); err != nil {
			return fail(err)
		}
	}
	stampFile := filepath.Join(dir, ".eval-setup")
	stamp := fmt.Sprintf("%s@%s\nreplaces=%v\n%s\n", m.Path, m.Version, s.copyReplaces(m.Path), strings.Join(m.Packages, "\n"))
	if old, err := os.ReadFile(stampFile); err == nil && string(old) == stamp {
		res.Cached = true
	} else {
		os.Remove(stampFile)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fail(err)
		}
		env := goEnv("-mod=mod")
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); os.IsNotExist(err) {
			if _, err := command(ctx, dir, env, s.Verbose, "go", "mod", "init", "scratch/"+scratchName(m.Path)); err != nil {
				return fail(err)
			}
		}
		if s.copyReplaces(m.Path) {
			n, err := s.addReplaces(ctx, dir, env, m)
			if err != nil {
				return fail(err)
			}
			res.Replaces = n
		}
		args := []string{"get", "-t"}
		for _, p := range m.Packages {
			args = append(args, p+"@"+m.Version)
		}
		if _, err := command(ctx, dir, env, s.Verbose, "go", args...); err != nil {
			return fail(err)
		}
	}
	if s.Verify || !res.Cached {
		args := append([]string{"list", "-deps", "-test"}, m.Packages...)
		out, err := command(ctx, dir, goEnv(""), s.Verbose, "go", args...)
		if err != nil {
			return fail(err)
		}
		res.Deps = bytes.Count(out, []byte("\n"))
	}
	if !res.Cached {
		if err := os.WriteFile(stampFile, []byte(stamp), 0o644); err != nil {
			return fail(err)
		}
	}
	return res
}

// addReplaces copies the non-local replace directives of m's own go.mod
// into the scratch module (Go ignores a dependency's replaces). It is
// idempotent: `go mod edit -replace` overwrites an existing directive.
func (s *Setup) addReplaces(ctx context.Context, dir string, env []string, m Module) (int, error) {
	out, err := command(ctx, dir, env, s.Verbose, "go", "mod", "download", "-json", m.Path+"@"+m.Version)
	if err != nil {
		return 0, err
	}
	var info struct {
		GoMod string
		Error string
	}
	if err := json.Unmarshal(out, &info); err != nil {
		return 0, fmt.Errorf("go mod download -json %s@%s: %v", m.Path, m.Version, err)
	}
	if info.Error != "" || info.GoMod == "" {
		return 0, fmt.Errorf("go mod download %s@%s: %s", m.Path, m.Version, info.Error)
	}
	data, err := os.ReadFile(info.GoMod)
	if err != nil {
		return 0, err
	}
	reps, err := parseReplaces(string(data))
	if err != nil {
		return 0, fmt.Errorf("%s: %v", info.GoMod, err)
	}
	var args []string
	for _, r := range reps {
		if !r.isLocal() {
			args = append(args, "-replace="+r.String())
		}
	}
	if len(args) == 0 {
		return 0, nil
	}
	sort.Strings(args)
	if _, err := command(ctx, dir, env, s.Verbose, "go", append([]string{"mod", "edit"}, args...)...); err != nil {
		return 0, err
	}
	return len(args), nil
}
