// Command bench measures credlint's speed and memory against floors run in
// the same invocation, on the same package sets:
//
//   - credlint: the standalone driver (internal/driver: the packages that can
//     reach an SDK from source, everything else from the export data the
//     build cache holds, or from source without function bodies);
//   - credlint-export: credlint -load=export (compiles the export data the
//     cache lacks);
//   - noop: a pass without facts, so x/tools' driver type-checks only the
//     requested packages from source and reads dependencies from export
//     data: the type-checking floor credlint is measured against;
//   - credlint-source: credlint -load=source (x/tools' singlechecker, every
//     dependency from source, as before the driver);
//   - noopfacts: a pass that only declares a fact type (singlechecker then
//     loads everything from source: the floor of credlint-source);
//   - the same on an empty build cache (a first run): credlint-cold,
//     credlint-source-cold, credlint-export-cold and noop-cold (the
//     floor's first run compiles every dependency: minutes);
//   - go vet (its default analyzers), and credlint as go vet -vettool,
//     cold (empty build cache) and warm (re-run);
//   - golangci-lint v2.15.0 with the credlint plugin: its standard linters,
//     the same plus credlint, and credlint alone (opt-in: needs the binary that
//     `CREDLINT_INTEGRATION=1 go test ./internal/integration -run TestGolangci`
//     builds);
//   - gosec, pinned, as another real linter.
//
// Runs alternate between tools and the median of -n runs is printed with
// wall time, CPU time (user+system, including child processes) and peak RSS
// (largest process), and the ratios to noop. Run it from the repository
// root:
//
//	go -C bench run . [-n 3] [-sets example,sdk,corpus] [-tools ...]
//
// The corpus set uses the scratch modules that `go -C eval run . -setup-only`
// creates (skipped when they are missing).
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"syscall"
	"time"
)

const gosecVersion = "v2.30.0"

type set struct {
	name     string
	dir      string
	patterns []string
}

type tool struct {
	name string
	// cmd returns the command to run on a set; cold tools get a fresh GOCACHE.
	cmd  func(s set) *exec.Cmd
	cold bool
	// prepare runs once per run before the timed command (e.g. warm vet's cache).
	prepare func(s set) error
}

type sample struct {
	wall, cpu time.Duration
	rssKB     int64
	exit      int
}

func main() {
	n := flag.Int("n", 3, "runs per tool and set (median reported)")
	setsFlag := flag.String("sets", "example,sdk,corpus", "package sets: example, sdk, corpus, corpus-src (the corpus modules' own directories in the module cache, for golangci-lint), mc (minio/mc's one big cmd package: the rules' cost on 349 files, in a scratch module under -eval-work)")
	toolsFlag := flag.String("tools", "credlint,noop,credlint-source,noopfacts,vettool-warm,gosec", "tools to run (also: credlint-export; on an empty build cache: credlint-cold, credlint-source-cold, and, minutes per run, credlint-export-cold, noop-cold, vet, vettool-cold; golangci, golangci-credlint, golangci-only)")
	golangci := flag.String("golangci", "", "golangci-lint with the credlint plugin (default: the one the integration test cached)")
	corpusMods := flag.String("corpus-modules", "argoproj/pkg,go-secure-stdlib/awsutil,distribution/distribution/v3,tus/tusd/v2", "corpus modules to measure (substrings of module paths; \"all\" for every one)")
	corpusTSV := flag.String("corpus", os.Getenv("CREDLINT_CORPUS"), "the maintainers' corpus file, as for eval (default $CREDLINT_CORPUS); eval/extra.tsv is always read")
	evalWork := flag.String("eval-work", filepath.Join(homeCache(), "credlint-eval"), "eval work dir holding the corpus scratch modules")
	flag.Parse()

	root, err := repoRoot()
	check(err)
	bin, err := os.MkdirTemp("", "credlint-bench")
	check(err)
	defer os.RemoveAll(bin)

	fmt.Printf("machine: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), goVersion())
	build := func(name, dir, pkg string) string {
		out := filepath.Join(bin, name)
		cmd := exec.Command("go", "build", "-o", out, pkg)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		check(cmd.Run())
		return out
	}
	credlint := build("credlint", root, "./cmd/credlint")
	noopfacts := build("noopfacts", filepath.Join(root, "bench"), "./noopfacts")
	noop := build("noop", filepath.Join(root, "bench"), "./noop")
	var gosec string
	if strings.Contains(*toolsFlag, "gosec") {
		cmd := exec.Command("go", "install", "github.com/securego/gosec/v2/cmd/gosec@"+gosecVersion)
		cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOFLAGS=-mod=mod")
		cmd.Dir = bin
		if out, err := cmd.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "gosec %s not available, skipped: %v\n%s", gosecVersion, err, out)
		} else {
			gosec = filepath.Join(bin, "gosec")
		}
	}

	tools := []tool{
		{name: "credlint", cmd: func(s set) *exec.Cmd { return exec.Command(credlint, s.patterns...) }},
		{name: "credlint-source", cmd: func(s set) *exec.Cmd {
			return exec.Command(credlint, append([]string{"-load=source"}, s.patterns...)...)
		}},
		{name: "noopfacts", cmd: func(s set) *exec.Cmd { return exec.Command(noopfacts, s.patterns...) }},
		{name: "noop", cmd: func(s set) *exec.Cmd { return exec.Command(noop, s.patterns...) }},
		{name: "credlint-export", cmd: func(s set) *exec.Cmd {
			return exec.Command(credlint, append([]string{"-load=export"}, s.patterns...)...)
		}},
		{name: "credlint-cold", cold: true, cmd: func(s set) *exec.Cmd { return exec.Command(credlint, s.patterns...) }},
		{name: "credlint-source-cold", cold: true, cmd: func(s set) *exec.Cmd {
			return exec.Command(credlint, append([]string{"-load=source"}, s.patterns...)...)
		}},
		{name: "credlint-export-cold", cold: true, cmd: func(s set) *exec.Cmd {
			return exec.Command(credlint, append([]string{"-load=export"}, s.patterns...)...)
		}},
		{name: "noop-cold", cold: true, cmd: func(s set) *exec.Cmd { return exec.Command(noop, s.patterns...) }},
		{name: "vet", cold: true, cmd: func(s set) *exec.Cmd { return exec.Command("go", append([]string{"vet"}, s.patterns...)...) }},
		{name: "vettool-cold", cold: true, cmd: func(s set) *exec.Cmd {
			return exec.Command("go", append([]string{"vet", "-vettool=" + credlint}, s.patterns...)...)
		}},
		{name: "vettool-warm", cmd: func(s set) *exec.Cmd {
			return exec.Command("go", append([]string{"vet", "-vettool=" + credlint}, s.patterns...)...)
		}, prepare: func(s set) error {
			cmd := exec.Command("go", append([]string{"vet", "-vettool=" + credlint}, s.patterns...)...)
			cmd.Dir = s.dir
			cmd.Env = benchEnv("")
			cmd.Run() // findings exit non-zero; only the cache matters
			return nil
		}},
	}
	if strings.Contains(*toolsFlag, "golangci") {
		bin := *golangci
		if bin == "" {
			bin = cachedGolangci()
		}
		if bin == "" {
			fmt.Fprintln(os.Stderr, "golangci-lint with the plugin not found, skipped: run CREDLINT_INTEGRATION=1 go test ./internal/integration -run TestGolangci first, or pass -golangci")
		} else {
			cfgDir, err := os.MkdirTemp("", "credlint-bench-golangci")
			check(err)
			defer os.RemoveAll(cfgDir)
			for _, v := range []struct {
				name, linters string
			}{{"golangci", "standard"}, {"golangci-credlint", "standard+credlint"}, {"golangci-only", "credlint"}} {
				name, cfg := v.name, filepath.Join(cfgDir, v.name+".yml")
				check(os.WriteFile(cfg, []byte(golangciConfig(v.linters)), 0o644))
				tools = append(tools, tool{name: name, cmd: func(s set) *exec.Cmd {
					return exec.Command(bin, append([]string{"run", "--config=" + cfg, "--output.text.path=" + os.DevNull, "--show-stats=false"}, s.patterns...)...)
				}, prepare: func(s set) error {
					// golangci-lint's own analysis cache would make every
					// run after the first a replay: measure real runs.
					return exec.Command(bin, "cache", "clean").Run()
				}})
			}
		}
	}
	if gosec != "" {
		tools = append(tools, tool{name: "gosec", cmd: func(s set) *exec.Cmd {
			return exec.Command(gosec, append([]string{"-quiet", "-fmt=json", "-out=" + os.DevNull}, s.patterns...)...)
		}})
	}
	wantTools := strings.Split(*toolsFlag, ",")
	tools = slices.DeleteFunc(tools, func(t tool) bool { return !slices.Contains(wantTools, t.name) })

	var sets []set
	for _, name := range strings.Split(*setsFlag, ",") {
		switch name {
		case "example":
			sets = append(sets, set{"example", filepath.Join(root, "examples"), []string{"./..."}})
		case "sdk":
			sets = append(sets, set{"sdk-s3", filepath.Join(root, "testdata"), []string{
				"github.com/aws/aws-sdk-go-v2/service/s3",
				"github.com/aws/aws-sdk-go-v2/feature/s3/manager",
				"github.com/aws/aws-sdk-go/service/s3/...",
				"github.com/minio/minio-go/v7",
			}})
		case "corpus":
			for _, cs := range corpusSets(corpusFiles(root, *corpusTSV), *evalWork) {
				if *corpusMods == "all" || slices.ContainsFunc(strings.Split(*corpusMods, ","), func(m string) bool { return strings.Contains(cs.module, m) }) {
					sets = append(sets, cs.set)
				}
			}
		case "mc":
			dir, err := mcModule(*evalWork)
			if err != nil {
				fmt.Fprintf(os.Stderr, "set mc skipped: %v\n", err)
				continue
			}
			sets = append(sets, set{"mc", dir, []string{mcPackage}})
		case "corpus-src":
			// The corpus modules' own source in the module cache, by
			// directory: what golangci-lint (which lints only local
			// directories) can run on.
			for _, cs := range corpusSets(corpusFiles(root, *corpusTSV), *evalWork) {
				if *corpusMods == "all" || slices.ContainsFunc(strings.Split(*corpusMods, ","), func(m string) bool { return strings.Contains(cs.module, m) }) {
					sets = append(sets, cs.source())
				}
			}
		}
	}

	fmt.Printf("%-22s %-20s %9s %9s %9s %6s %6s %6s %s\n", "set", "tool", "wall", "cpu", "peakRSS", "xwall", "xcpu", "xrss", "exit")
	for _, s := range sets {
		results := map[string][]sample{}
		for i := 0; i < *n; i++ {
			for _, t := range tools { // alternate tools within each round
				if t.name == "gosec" && !strings.HasPrefix(s.patterns[0], "./") {
					continue // gosec takes directories (./...), not dependencies' import paths
				}
				results[t.name] = append(results[t.name], measure(t, s))
			}
		}
		base, hasBase := median(results["noop"])
		for _, t := range tools {
			m, ok := median(results[t.name])
			if !ok {
				continue
			}
			xw, xc, xr := "-", "-", "-"
			if hasBase && base.wall > 0 {
				xw = fmt.Sprintf("%.2f", float64(m.wall)/float64(base.wall))
				xc = fmt.Sprintf("%.2f", float64(m.cpu)/float64(base.cpu))
				xr = fmt.Sprintf("%.2f", float64(m.rssKB)/float64(base.rssKB))
			}
			fmt.Printf("%-22s %-20s %8.2fs %8.2fs %7dMB %6s %6s %6s %d\n", s.name, t.name,
				m.wall.Seconds(), m.cpu.Seconds(), m.rssKB/1024, xw, xc, xr, m.exit)
		}
		// The first run's target: the default on an empty cache against
		// -load=source on an empty cache.
		for _, r := range [][2]string{{"credlint-cold", "credlint-source-cold"}, {"credlint-cold", "noop-cold"}} {
			a, okA := median(results[r[0]])
			b, okB := median(results[r[1]])
			if okA && okB && b.wall > 0 {
				fmt.Printf("%-22s %s / %s: wall %.2f, cpu %.2f, rss %.2f\n", s.name, r[0], r[1],
					float64(a.wall)/float64(b.wall), float64(a.cpu)/float64(b.cpu), float64(a.rssKB)/float64(b.rssKB))
			}
		}
	}
}

func measure(t tool, s set) sample {
	gocache := ""
	if t.cold {
		d, err := os.MkdirTemp("", "credlint-bench-gocache")
		check(err)
		defer os.RemoveAll(d)
		gocache = d
	}
	if t.prepare != nil {
		check(t.prepare(s))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	cmd := t.cmd(s)
	cmd = exec.CommandContext(ctx, cmd.Path, cmd.Args[1:]...)
	cmd.Dir = s.dir
	cmd.Env = benchEnv(gocache)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	exit := 0
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			exit = ee.ExitCode()
		} else {
			check(err)
		}
	}
	ps := cmd.ProcessState
	var rss int64
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss
	}
	return sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), rssKB: rss, exit: exit}
}

func benchEnv(gocache string) []string {
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
	if gocache != "" {
		env = append(env, "GOCACHE="+gocache)
	}
	return env
}

func median(xs []sample) (sample, bool) {
	if len(xs) == 0 {
		return sample{}, false
	}
	pick := func(get func(sample) int64) int64 {
		v := make([]int64, len(xs))
		for i, x := range xs {
			v[i] = get(x)
		}
		sort.Slice(v, func(i, j int) bool { return v[i] < v[j] })
		return v[len(v)/2]
	}
	return sample{
		wall:  time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:   time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		rssKB: pick(func(s sample) int64 { return s.rssKB }),
		exit:  xs[0].exit,
	}, true
}

// golangciConfig is a golangci-lint v2 configuration with linters
// "standard" (golangci-lint's default set), "standard+credlint" or
// "credlint" (credlint alone).
func golangciConfig(linters string) string {
	cfg := "version: \"2\"\nlinters:\n"
	switch linters {
	case "standard":
		return cfg + "  default: standard\n"
	case "standard+credlint":
		cfg += "  default: standard\n"
	default:
		cfg += "  default: none\n"
	}
	return cfg + `  enable: [credlint]
  settings:
    custom:
      credlint:
        type: module
        description: credlint
        original-url: github.com/credlint/credlint
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`
}

// cachedGolangci returns the golangci-lint binary with the credlint plugin
// that the integration test caches in the user cache directory, or "".
func cachedGolangci() string {
	matches, _ := filepath.Glob(filepath.Join(homeCache(), "credlint-integration", "golangci-lint-*-credlint-*"))
	for _, m := range matches {
		if !strings.Contains(filepath.Base(m), ".tmp") {
			return m
		}
	}
	return ""
}

// corpusSets returns one set per corpus module whose scratch module exists
// in the eval work dir, with the packages corpus.tsv lists for it.
type corpusSet struct {
	set
	module, version string
}

// source is the set of the same packages in the module's own directory in
// the module cache, named by relative directories.
func (cs corpusSet) source() set {
	out, _ := exec.Command("go", "env", "GOMODCACHE").Output()
	var esc strings.Builder
	for _, r := range cs.module {
		if r >= 'A' && r <= 'Z' {
			esc.WriteString("!" + string(r+'a'-'A'))
			continue
		}
		esc.WriteRune(r)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), esc.String()+"@"+cs.version)
	var patterns []string
	for _, p := range cs.patterns {
		rel := strings.TrimPrefix(strings.TrimPrefix(p, cs.module), "/")
		patterns = append(patterns, "./"+rel)
	}
	return set{strings.Replace(cs.name, "corpus:", "src:", 1), dir, patterns}
}

// corpusFiles are the corpus files to read: the maintainers' corpus, if
// named, and eval/extra.tsv.
func corpusFiles(root, corpus string) []string {
	files := []string{filepath.Join(root, "eval", "extra.tsv")}
	if corpus != "" {
		files = append([]string{corpus}, files...)
	}
	return files
}

func corpusSets(tsvs []string, work string) []corpusSet {
	pkgs := map[string][]string{}
	versions := map[string]string{}
	var order []string
	for _, tsv := range tsvs {
		f, err := os.Open(tsv)
		if err != nil {
			fmt.Fprintf(os.Stderr, "corpus rows skipped: %v\n", err)
			continue
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			cols := strings.Split(sc.Text(), "\t")
			if len(cols) < 3 || cols[0] == "module" || strings.HasPrefix(cols[0], "#") {
				continue
			}
			if _, ok := pkgs[cols[0]]; !ok {
				order = append(order, cols[0])
				versions[cols[0]] = cols[1]
			}
			if !slices.Contains(pkgs[cols[0]], cols[2]) {
				pkgs[cols[0]] = append(pkgs[cols[0]], cols[2])
			}
		}
		f.Close()
	}
	var out []corpusSet
	for _, m := range order {
		dir := filepath.Join(work, "mods", scratchName(m))
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
			fmt.Fprintf(os.Stderr, "corpus module %s skipped: no scratch module at %s (run go -C eval run . -setup-only)\n", m, dir)
			continue
		}
		name := m[strings.LastIndex(m, "/")+1:]
		if strings.HasPrefix(name, "v") && len(name) <= 3 {
			parts := strings.Split(m, "/")
			name = parts[len(parts)-2]
		}
		out = append(out, corpusSet{set{"corpus:" + name, dir, pkgs[m]}, m, versions[m]})
	}
	return out
}

// mcPackage is the package of the mc set, at mcVersion: 349 files in one
// package (and its test variant), the largest single package measured.
const (
	mcPackage = "github.com/minio/mc/cmd"
	mcVersion = "v0.0.0-20250313080218-cf909e1063a9"
)

// mcModule returns the scratch module of the mc set under work, creating
// it (from the module proxy) when it is missing.
func mcModule(work string) (string, error) {
	dir := filepath.Join(work, "bench-mc")
	if _, err := os.Stat(filepath.Join(dir, "go.sum")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	main := "package main\n\nimport _ \"" + mcPackage + "\"\n\nfunc main() {}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644); err != nil {
		return "", err
	}
	for _, args := range [][]string{
		{"mod", "init", "example.com/benchmc"},
		{"get", "github.com/minio/mc@" + mcVersion},
		{"mod", "tidy"},
		{"build", "-o", os.DevNull, "."}, // the export data the warm runs read
	} {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil && args[0] == "mod" && args[1] == "init" {
			continue
		}
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, out)
		}
	}
	return dir, nil
}

// scratchName mirrors eval's naming of scratch modules.
func scratchName(module string) string {
	var b strings.Builder
	for _, r := range module {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '.', r == '-', r == '_':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		default:
			b.WriteByte('-')
		}
	}
	return b.String()
}

func repoRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	// bench/go.mod: the repository root is its parent.
	return filepath.Dir(filepath.Dir(strings.TrimSpace(string(out)))), nil
}

func goVersion() string {
	out, _ := exec.Command("go", "version").Output()
	return strings.TrimSpace(string(out))
}

func homeCache() string {
	if d, err := os.UserCacheDir(); err == nil {
		return d
	}
	return os.TempDir()
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
