// Command credlint finds code that makes Go services on AWS ECS / Fargate
// fail with ExpiredToken hours after start.
//
//	credlint ./...                               # standalone
//	credlint -json ./...                         # JSON, with "category"
//	credlint -sarif ./... > credlint.sarif       # SARIF 2.1.0 (GitHub code scanning)
//	credlint -fix ./...                          # apply suggested fixes
//	go vet -vettool=$(command -v credlint) ./... # under go vet
//
// Exit status: 0 no findings, 3 findings, 1 an error (a package that does
// not type-check, a bad .credlint.toml). With -json the exit status is 0
// unless there is an error; with -sarif it is 3 when there are findings.
package main

import (
	"flag"
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/credlint/credlint/analyzers"
)

func main() {
	// Registered so that -help lists it and the driver's flag parsing
	// accepts it; a -sarif run never reaches the driver (see sarif.go).
	// Not under go vet, which learns the tool's flags from -flags: there
	// `go vet -sarif` is go vet's own "flag provided but not defined".
	if !underVet(os.Args[1:]) {
		flag.Bool(sarifFlag, false, "print the findings as a SARIF 2.1.0 log on stdout (exit 3 when there are findings)")
	}
	if args, ok := sarifArgs(os.Args[1:]); ok {
		os.Exit(runSARIF(args))
	}
	singlechecker.Main(analyzers.Analyzer)
}
