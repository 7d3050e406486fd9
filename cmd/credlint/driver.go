package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/internal/driver"
)

const (
	loadFlag   = "load"
	loadAuto   = "auto"
	loadExport = "export"
	loadSource = "source"
	loadUsage  = `how dependencies are loaded: "auto" (the go command's export data where the build cache holds it, else from source without function bodies; packages that can reach an SDK from source), "export" (compile the export data the cache lacks: minutes on an empty cache) or "source" (everything from source, as x/tools' singlechecker: 9-13x slower on a warm cache)`
)

// useDriver reports whether the command line is for credlint's own
// standalone driver: anything but go vet's protocol (-V=full, -flags,
// *.cfg), which x/tools' unitchecker speaks.
func useDriver(args []string) bool {
	if underVet(args) {
		return false
	}
	for _, a := range flagArgs(args) {
		name, val, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "V" && val != "" && val != "true" {
			return false // -V=full: go vet asks for the tool's identity
		}
	}
	return true
}

// flagArgs returns the arguments before the first package pattern or "--".
func flagArgs(args []string) []string {
	for i, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			return args[:i]
		}
	}
	return args
}

// runDriver parses the standalone command line and runs the driver.
func runDriver(args []string) int {
	fs := flag.NewFlagSet("credlint", flag.ContinueOnError)
	fs.Usage = func() { usage(fs) }
	jsonOut := fs.Bool("json", false, "print the findings as JSON (x/tools' format, with each finding's category)")
	contextLines := fs.Int("c", -1, "print this many lines of source around each finding")
	tests := fs.Bool("test", true, "load the packages' _test.go files too (findings in them are reported only with include-tests = true in .credlint.toml)")
	fs.String(loadFlag, loadAuto, loadUsage)
	var build buildFlags
	fs.Var(build.flag("tags"), "tags", "a comma-separated list of build tags (as go build -tags)")
	fs.Var(build.flag("mod"), "mod", "module download mode: readonly, vendor or mod (as go build -mod)")
	fs.Var(build.flag("modfile"), "modfile", "an alternate go.mod file (as go build -modfile)")
	fs.Bool(sarifFlag, false, "print the findings as a SARIF 2.1.0 log on stdout (exit 3 when there are findings)")
	fix := fs.Bool("fix", false, "apply the suggested fixes and say what was fixed and what is left")
	diff := fs.Bool("diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	chdir := fs.String("C", "", "change to this directory before doing anything")
	changed := fs.Bool("changed", false, "the arguments are changed files (as a pre-commit hook passes them): analyze every module that holds one (./... in each)")
	showVersion := fs.Bool("version", false, "print credlint's version and exit")
	fs.BoolVar(showVersion, "V", false, "print credlint's version and exit (-V=full is go vet's protocol)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := fs.String("memprofile", "", "write a memory profile to this file")
	analyzers.Analyzer.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 1
	}
	load := fs.Lookup(loadFlag).Value.String()
	if load != loadAuto && load != loadExport && load != loadSource {
		fmt.Fprintf(os.Stderr, "credlint: -load=%s: want %q, %q or %q\n", load, loadAuto, loadExport, loadSource)
		return 1
	}
	if *showVersion {
		fmt.Println(version())
		return 0
	}
	if *chdir != "" {
		if err := os.Chdir(*chdir); err != nil {
			fmt.Fprintf(os.Stderr, "credlint: -C: %v\n", err)
			return 1
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "credlint: %v\n", err)
		return 1
	}
	patterns := fs.Args()
	if *changed {
		patterns = nil
		for _, root := range driver.ModulesOf(wd, fs.Args()) {
			patterns = append(patterns, "./"+relOrDot(wd, root)+"/...")
		}
		if len(patterns) == 0 {
			return 0 // no changed file in a module
		}
	}
	if len(patterns) == 0 {
		usage(fs)
		return 1
	}
	if *diff && !*fix {
		*fix = true
	}
	if *fix && (*jsonOut || *contextLines >= 0) {
		fmt.Fprintln(os.Stderr, "credlint: -fix cannot be combined with -json or -c")
		return 1
	}

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "credlint: %v\n", err)
			return 1
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "credlint: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			f, err := os.Create(*memProfile)
			if err == nil {
				runtime.GC()
				err = pprof.WriteHeapProfile(f)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "credlint: %v\n", err)
			}
		}()
	}

	return driver.Run(context.Background(), analyzers.Analyzer, driver.Options{
		LoadConfig: driver.LoadConfig{Tests: *tests, AllSource: load == loadSource, Compile: load == loadExport, BuildFlags: build.args},
		JSON:       *jsonOut,
		Context:    *contextLines,
		RelativeTo: wd,
		Fix:        *fix,
		Diff:       *diff,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
	}, patterns...)
}

// buildFlags collects the go command's build flags given on the command
// line (-tags, -mod, -modfile), in order, for the loader's go list.
type buildFlags struct{ args []string }

func (b *buildFlags) flag(name string) flag.Value { return buildFlag{b, name} }

// buildFlag is one go command flag whose value is passed on as -name=value.
type buildFlag struct {
	b    *buildFlags
	name string
}

func (f buildFlag) String() string { return "" }

func (f buildFlag) Set(v string) error {
	f.b.args = append(f.b.args, "-"+f.name+"="+v)
	return nil
}

func usage(fs *flag.FlagSet) {
	out := fs.Output()
	fmt.Fprintf(out, "credlint: %s\n\n", firstLine(analyzers.Analyzer.Doc))
	fmt.Fprintf(out, "Usage: credlint [flags] packages...\n")
	fmt.Fprintf(out, "       go vet -vettool=$(command -v credlint) [flags] packages...\n\n")
	fmt.Fprintf(out, "Flags:\n")
	fs.PrintDefaults()
	fmt.Fprintf(out, "\nUnder go vet (go vet -vettool=...), only -config and -config-json apply.\n")
	fmt.Fprintf(out, "Exit status: 0 no findings, 3 findings, 1 an error. Rules and configuration: %s\n", analyzers.Analyzer.URL)
}

// relOrDot returns root relative to wd ("." for wd itself), with slashes.
func relOrDot(wd, root string) string {
	rel, err := filepath.Rel(wd, root)
	if err != nil {
		return root
	}
	return filepath.ToSlash(rel)
}

// releaseVersion and releaseCommit are set by the release build
// (release/main.go: go build -ldflags "-X main.releaseVersion=v1.2.3
// -X main.releaseCommit=<sha>"), which builds with -buildvcs=false: the
// go command records a module version for go install ...@version, and
// HEAD's tag or pseudo-version and commit only when VCS stamping is on
// and the build runs in a git checkout.
var releaseVersion, releaseCommit string

// moduleVersion is credlint's version: the release's, the module version
// (go install ...@version, or HEAD's with VCS stamping), or "" (devel).
func moduleVersion() string {
	if releaseVersion != "" {
		return releaseVersion
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return ""
}

// version describes this build: the release's version, the module version
// when installed with go install ...@version, "devel" when built from a
// checkout; and the commit when the release build or the go command
// (-buildvcs) recorded one.
func version() string {
	v := cmp.Or(moduleVersion(), "devel")
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "credlint " + v
	}
	rev, when := releaseCommit, ""
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = cmp.Or(rev, s.Value)
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	out := "credlint " + v
	switch {
	case rev != "":
		out += " (commit " + rev
		if when != "" {
			out += ", " + when
		}
		if modified {
			out += ", modified"
		}
		out += ")"
	case v == "devel":
		out += " (no VCS information: built outside a checkout or with -buildvcs=false)"
	}
	return out + ", " + bi.GoVersion
}
