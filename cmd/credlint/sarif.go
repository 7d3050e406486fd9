package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
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
// none, 1 an error (whose text goes to stderr, with no SARIF output).
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
	var stdout bytes.Buffer
	cmd := exec.Command(exe, append([]string{"-json"}, args...)...)
	cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			fmt.Fprintf(os.Stderr, "credlint: -sarif: %v\n", err)
		}
		return 1 // the driver printed the errors (packages that do not load or type-check)
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(os.Stderr, "credlint: -sarif: %v\n", err)
		return 1
	}
	log, n, err := sarif.Convert(stdout.Bytes(), wd, sarifTool())
	if err != nil {
		fmt.Fprintf(os.Stderr, "credlint: %v\n", err)
		return 1
	}
	if _, err := os.Stdout.Write(log); err != nil {
		fmt.Fprintf(os.Stderr, "credlint: -sarif: %v\n", err)
		return 1
	}
	if n > 0 {
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
	tool.Version = moduleVersion()
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

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
