package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/internal/driver"
)

const (
	loadFlag   = "load"
	loadExport = "export"
	loadSource = "source"
	loadUsage  = `how dependencies are loaded: "export" (the go command's export data; packages that can reach an SDK from source) or "source" (everything from source: no build cache needed, 9-13x slower on a warm one)`
)

// singlecheckerFlags are the flags only x/tools' singlechecker handles:
// go vet's protocol and the fix modes.
var singlecheckerFlags = map[string]bool{"V": true, "flags": true, "fix": true, "diff": true}

// useDriver reports whether the command line is for credlint's own
// standalone driver: not go vet's protocol, not -fix/-diff, not
// -load=source.
func useDriver(args []string) bool {
	if underVet(args) {
		return false
	}
	for _, a := range flagArgs(args) {
		name, val, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if singlecheckerFlags[name] || name == loadFlag && val == loadSource {
			return false
		}
		if name == loadFlag && val == "" {
			return false // "-load source": let the driver's parser say what it means
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
	fs.String(loadFlag, loadExport, loadUsage)
	fs.Bool(sarifFlag, false, "print the findings as a SARIF 2.1.0 log on stdout (exit 3 when there are findings)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memProfile := fs.String("memprofile", "", "write a memory profile to this file")
	analyzers.Analyzer.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 1
	}
	if l := fs.Lookup(loadFlag).Value.String(); l != loadExport {
		fmt.Fprintf(os.Stderr, "credlint: -load=%s: want %q or %q\n", l, loadExport, loadSource)
		return 1
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		usage(fs)
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
		LoadConfig: driver.LoadConfig{Tests: *tests},
		JSON:       *jsonOut,
		Context:    *contextLines,
		Stdout:     os.Stdout,
		Stderr:     os.Stderr,
	}, patterns...)
}

func usage(fs *flag.FlagSet) {
	out := fs.Output()
	fmt.Fprintf(out, "credlint: %s\n\n", firstLine(analyzers.Analyzer.Doc))
	fmt.Fprintf(out, "Usage: credlint [flags] packages...\n")
	fmt.Fprintf(out, "       go vet -vettool=$(command -v credlint) [flags] packages...\n\n")
	fmt.Fprintf(out, "Flags:\n")
	fs.PrintDefaults()
	fmt.Fprintf(out, "\nAlso: -fix and -diff apply or print suggested fixes; -V=full and -flags are go vet's protocol.\n")
	fmt.Fprintf(out, "Exit status: 0 no findings, 3 findings, 1 an error. Rules and configuration: %s\n", analyzers.Analyzer.URL)
}
