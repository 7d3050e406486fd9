package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/internal/sarif"
)

// sarifFlag is the name of the SARIF output flag. No go/analysis driver
// flag (json, fix, diff, c, test, debug, V, flags, ...) has this name.
const sarifFlag = "sarif"

// directiveRule is the category of findings about //credlint:ignore
// comments themselves (a missing reason, an ignore that suppresses nothing).
const directiveRule = "credlint"

// sarifArgs reports whether the command line asks for SARIF output and
// returns it without the flag. Only arguments before the first package
// pattern (or "--") are flags.
func sarifArgs(args []string) ([]string, bool) {
	var out []string
	on := false
	for i, a := range args {
		if a == "--" || !strings.HasPrefix(a, "-") {
			out = append(out, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name != sarifFlag {
			out = append(out, a)
			continue
		}
		on = !hasVal || val == "true" || val == "1" || val == "t" || val == "TRUE" || val == "True"
	}
	return out, on
}

// underVet reports whether go vet runs the tool: it asks for the tool's
// flags (-flags) or hands it a package's vet config (*.cfg).
func underVet(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasSuffix(a, ".cfg") {
			return true
		}
	}
	return false
}

// runSARIF runs this same binary with -json and the other arguments, and
// prints the findings as SARIF. It returns the exit status: 3 findings, 0
// none, 1 an error. The errors go to stderr; when the run printed its
// findings (a package that does not load or type-check fails the run, not
// the others), the SARIF log is written too, with each error as a
// notification of the invocation (executionSuccessful false).
func runSARIF(args []string) int {
	if underVet(args) {
		fmt.Fprintln(os.Stderr, "credlint: -sarif cannot be used under go vet; run credlint -sarif ./... instead")
		return 1
	}
	for _, a := range args {
		switch name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "="); {
		case strings.HasPrefix(a, "-") && (name == "fix" || name == "diff"):
			fmt.Fprintf(os.Stderr, "credlint: -sarif cannot be combined with -%s\n", name)
			return 1
		}
	}
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "credlint: -sarif: %v\n", err)
		return 1
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(exe, append([]string{"-json"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, io.MultiWriter(os.Stderr, &stderr)
	failed := false
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintf(os.Stderr, "credlint: -sarif: %v\n", err)
			return 1
		}
		failed = true // the driver printed the errors (packages that do not load or type-check)
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "credlint: -sarif: %v\n", err)
		return 1
	}
	var runErrs []string
	if failed {
		runErrs = []string{stderr.String()}
	}
	log, n, err := sarif.Convert(stdout.Bytes(), wd, sarifTool(), runErrs...)
	if err != nil {
		if !failed { // a failed run that printed no findings has said why
			fmt.Fprintf(os.Stderr, "credlint: %v\n", err)
		}
		return 1
	}
	if _, err := os.Stdout.Write(log); err != nil {
		fmt.Fprintf(os.Stderr, "credlint: -sarif: %v\n", err)
		return 1
	}
	switch {
	case failed:
		return 1
	case n > 0:
		return 3
	}
	return 0
}

// sarifTool describes credlint and its rules: one SARIF rule per credlint
// rule, with its documentation page, and one for ignore directives.
func sarifTool() sarif.Tool {
	tool := sarif.Tool{
		Name:           "credlint",
		InformationURI: analyzers.Analyzer.URL,
		Level:          "error",
	}
	tool.Version, tool.SemanticVersion = toolVersion()
	// A rule's description is the summary line of its Doc, which comes
	// from its package comment (analyzers/<rule>/doc.go); its help is its
	// page in docs/rules.
	for _, a := range analyzers.Rules {
		tool.Rules = append(tool.Rules, sarif.Rule{ID: a.Name, Description: rule.Summary(a.Doc), HelpURI: a.URL})
	}
	tool.Rules = append(tool.Rules, sarif.Rule{
		ID:          directiveRule,
		Description: "a //credlint:ignore comment without a reason, or one that suppresses nothing",
		HelpURI:     analyzers.Analyzer.URL + "#suppressing-a-finding",
	})
	return tool
}

// toolVersion is credlint's version for a SARIF log: the module version
// (and its SemVer form) of a release build or of go install ...@version, else
// "devel", with the VCS revision when the build recorded one
// ("devel+0e24f7c1a2b3", "devel+0e24f7c1a2b3.dirty" when the checkout was
// modified).
func toolVersion() (version, semver string) {
	if v := moduleVersion(); v != "" {
		return v, strings.TrimPrefix(v, "v")
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel", ""
	}
	var rev string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	switch {
	case rev == "":
		return "devel", ""
	case modified:
		return "devel+" + rev + ".dirty", ""
	}
	return "devel+" + rev, ""
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
