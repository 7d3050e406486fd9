// Command eval is credlint's real-world evaluation harness.
//
// It sets up one scratch module per corpus module (corpus.tsv plus the
// optional eval/extra.tsv), runs credlint -json on the listed packages, one
// module at a time, and compares the findings with the corpus expectations
// and with the labels in eval/labels.tsv. See README.md.
//
// Usage, from the repository root:
//
//	go -C eval run . [-credlint PATH] [-work DIR] [-only MODULE] [-setup-only]
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
)

const evalModule = "github.com/credlint/credlint/eval"

func main() {
	os.Exit(realMain())
}

func realMain() int {
	var (
		credlint  = flag.String("credlint", "", "credlint binary (default: go build ./cmd/credlint into the work dir)")
		work      = flag.String("work", "", "work directory with the scratch modules, reused across runs (default $HOME/.cache/credlint-eval)")
		only      = flag.String("only", "", "comma-separated corpus modules to evaluate (exact path, or case-insensitive substring)")
		setupOnly = flag.Bool("setup-only", false, "only set up (and verify) the scratch modules")
		rootFlag  = flag.String("root", "", "credlint repository root (default: parent of the eval module)")
		corpus    = flag.String("corpus", os.Getenv("CREDLINT_CORPUS"), "corpus file, the maintainers' labeled corpus (default $CREDLINT_CORPUS; without one, only extra.tsv is evaluated)")
		extra     = flag.String("extra", "", "extra corpus rows, same columns, optional (default <root>/eval/extra.tsv)")
		labelsF   = flag.String("labels", "", "labels file (default <root>/eval/labels.tsv)")
		strict    = flag.Bool("strict", true, "exit 1 on a missed report row, violated quiet row, unlabeled finding, label conflict or run error")
		showTime  = flag.Bool("time", true, "show wall time and peak RSS per module")
		timeout   = flag.Duration("timeout", 30*time.Minute, "timeout of one credlint run")
		replaces  = flag.String("replaces", "all", `copy each corpus module's own non-local replace directives into its scratch module: "all", "none", or a comma-separated module list`)
		fresh     = flag.Bool("fresh", false, "delete and recreate the scratch modules")
		verify    = flag.Bool("verify", false, "run `go list -deps -test` even for scratch modules set up earlier (always on with -setup-only)")
		verbose   = flag.Bool("v", false, "stream the output of go and credlint")
	)
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: go -C eval run . [flags]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		return 2
	}
	fatal := func(err error) int {
		fmt.Fprintf(os.Stderr, "eval: %v\n", err)
		return 2
	}

	root := *rootFlag
	if root == "" {
		var err error
		if root, err = findRoot(); err != nil {
			return fatal(err)
		}
	}
	root, _ = filepath.Abs(root)
	if *corpus == "" {
		fmt.Fprintln(os.Stderr, "eval: no corpus file (-corpus or CREDLINT_CORPUS): evaluating the rows of extra.tsv only")
	}
	if *extra == "" {
		*extra = filepath.Join(root, "eval", "extra.tsv")
	}
	if *labelsF == "" {
		*labelsF = filepath.Join(root, "eval", "labels.tsv")
	}
	if *work == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return fatal(err)
		}
		*work = filepath.Join(home, ".cache", "credlint-eval")
	}
	*work, _ = filepath.Abs(*work)
	if err := os.MkdirAll(*work, 0o755); err != nil {
		return fatal(err)
	}

	rows, err := loadCorpus(*corpus, *extra)
	if err != nil {
		return fatal(err)
	}
	labels, err := loadLabels(*labelsF)
	if err != nil {
		return fatal(err)
	}
	mods, err := selectModules(modulesOf(rows), *only)
	if err != nil {
		return fatal(err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	modcacheOut, err := command(ctx, *work, goEnv(""), false, "go", "env", "GOMODCACHE")
	if err != nil {
		return fatal(err)
	}
	modcache := strings.TrimSpace(string(modcacheOut))

	// Build credlint first, so that a missing binary fails fast.
	bin := *credlint
	if !*setupOnly {
		if bin == "" {
			if bin, err = buildCredlint(ctx, root, *work, *verbose); err != nil {
				return fatal(err)
			}
		} else if bin, err = filepath.Abs(bin); err != nil {
			return fatal(err)
		}
		if _, err := os.Stat(bin); err != nil {
			return fatal(fmt.Errorf("credlint binary: %v", err))
		}
	}

	s := &Setup{Work: *work, Replaces: *replaces, Fresh: *fresh, Verify: *verify || *setupOnly, Verbose: *verbose}
	var setups []SetupResult
	for _, m := range mods {
		logf("setup %s@%s (%d packages)", m.Path, m.Version, len(m.Packages))
		r := s.setup(ctx, m)
		switch {
		case r.Err != "":
			logf("setup %s FAILED after %s:\n%s", m.Path, fmtDur(r.Wall), r.Err)
		case r.Cached:
			logf("setup %s: reused (%s)", m.Path, fmtDur(r.Wall))
		default:
			logf("setup %s: done in %s", m.Path, fmtDur(r.Wall))
		}
		setups = append(setups, r)
		if ctx.Err() != nil {
			return fatal(ctx.Err())
		}
	}
	if *setupOnly {
		failed := writeSetupReport(os.Stdout, setups)
		if failed > 0 {
			return 1
		}
		return 0
	}

	var runs []ModRun
	var findings []Finding
	evaluated := map[string]bool{}
	for _, sr := range setups {
		m := sr.Module
		evaluated[m.Path] = true
		if sr.Err != "" {
			runs = append(runs, ModRun{Module: m.Path, Version: m.Version, Packages: m.Packages, Exit: -1,
				Err: "setup failed: " + sr.Err})
			continue
		}
		logf("credlint %s (%d packages)", m.Path, len(m.Packages))
		run, fs := runCredlint(ctx, bin, *work, modcache, m, *timeout, *verbose)
		logf("credlint %s: exit %d, %d findings, %s, peak RSS %s", m.Path, run.Exit, run.Findings, fmtDur(run.Wall), fmtBytes(run.MaxRSS))
		runs = append(runs, run)
		findings = append(findings, fs...)
		if ctx.Err() != nil {
			return fatal(ctx.Err())
		}
	}
	sortFindings(findings)
	res := evaluate(rows, labels, findings, evaluated)
	writeReport(os.Stdout, runs, res, ReportOptions{Time: *showTime, LabelsPath: relTo(root, *labelsF)})
	failed := res.failed()
	for i := range runs {
		failed = failed || runs[i].runFailed()
	}
	if failed && *strict {
		return 1
	}
	return 0
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// findRoot locates the credlint repository root: the parent of the eval
// module when run from eval/, or the current directory if it holds eval/.
func findRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil && modulePath(string(data)) == evalModule {
			return filepath.Dir(dir), nil
		}
		if data, err := os.ReadFile(filepath.Join(dir, "eval", "go.mod")); err == nil && modulePath(string(data)) == evalModule {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("cannot find the credlint repository from %s; pass -root", wd)
		}
	}
}

func modulePath(gomod string) string {
	for _, line := range strings.Split(gomod, "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && f[0] == "module" {
			return unquote(f[1])
		}
	}
	return ""
}

func relTo(base, p string) string {
	if r, err := filepath.Rel(base, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

// writeSetupReport prints the setup table and returns the number of failures.
func writeSetupReport(w *os.File, setups []SetupResult) int {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "MODULE\tVERSION\tPKGS\tSETUP\tWALL\tREPLACES\tGO LIST -DEPS -TEST\t")
	failed := 0
	for _, r := range setups {
		state := "new"
		if r.Cached {
			state = "reused"
		}
		reps := fmt.Sprint(r.Replaces)
		if r.Cached {
			reps = "-"
		}
		list := "not run"
		switch {
		case r.Err != "":
			state, list = "FAILED", "-"
			failed++
		case r.Deps >= 0:
			list = fmt.Sprintf("ok (%d packages)", r.Deps)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t\n", r.Module.Path, r.Module.Version, len(r.Module.Packages), state, fmtDur(r.Wall), reps, list)
	}
	tw.Flush()
	for _, r := range setups {
		if r.Err != "" {
			fmt.Fprintf(w, "\n%s@%s: %s\n", r.Module.Path, r.Module.Version, r.Err)
		}
	}
	return failed
}
