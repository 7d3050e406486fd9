// Command credlint finds code that makes Go services on AWS ECS / Fargate
// fail with ExpiredToken hours after start.
//
//	credlint ./...                               # standalone
//	credlint -json ./...                         # JSON, with "category"
//	credlint -sarif ./... > credlint.sarif       # SARIF 2.1.0 (GitHub code scanning)
//	credlint -fix ./...                          # apply suggested fixes
//	credlint -load=source ./...                  # no build cache: everything from source
//	go vet -vettool=$(command -v credlint) ./... # under go vet
//
// Exit status: 0 no findings, 3 findings, 1 an error (a package that does
// not type-check, a bad .credlint.toml). With -json the exit status is 0
// unless there is an error; with -sarif it is 3 when there are findings.
//
// The standalone run loads from source only the requested packages and
// the packages that can reach an SDK, everything else from the go
// command's export data (see internal/driver). -load=source, -fix and
// -diff use x/tools' singlechecker, which loads everything from source;
// go vet's protocol (-V=full, -flags, *.cfg) goes to its unitchecker.
package main

import (
	"flag"
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/credlint/credlint/analyzers"
)

func main() {
	args := os.Args[1:]
	if args, ok := sarifArgs(args); ok {
		os.Exit(runSARIF(args))
	}
	if useDriver(args) {
		os.Exit(runDriver(args))
	}
	// Registered so that -help lists them and the driver's flag parsing
	// accepts them. Not under go vet, which learns the tool's flags from
	// -flags: there `go vet -sarif` is go vet's own "flag provided but not
	// defined".
	if !underVet(args) {
		flag.Bool(sarifFlag, false, "print the findings as a SARIF 2.1.0 log on stdout (exit 3 when there are findings)")
		flag.String(loadFlag, loadExport, loadUsage)
	}
	singlechecker.Main(analyzers.Analyzer)
}
