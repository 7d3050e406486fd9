// Command credlint finds code that makes Go services on AWS ECS / Fargate
// fail with ExpiredToken hours after start.
//
//	credlint ./...                               # standalone
//	credlint -json ./...                         # JSON, with "category"
//	credlint -sarif ./... > credlint.sarif       # SARIF 2.1.0 (GitHub code scanning)
//	credlint -fix ./...                          # apply suggested fixes
//	credlint -tags prod ./...                    # build tags (also -mod, -modfile)
//	credlint -load=source ./...                  # everything from source, as singlechecker
//	go vet -vettool=$(command -v credlint) ./... # under go vet
//
// Exit status: 0 no findings, 3 findings, 1 an error (a package that does
// not type-check, a bad .credlint.toml). With -json the exit status is 0
// unless there is an error; with -sarif it is 3 when there are findings.
//
// The standalone run loads from source only the requested packages and
// the packages whose analysis can matter, everything else from the go
// command's export data where the build cache holds it and from source,
// function bodies skipped, where it does not (-load=export: compile the
// missing export data; -load=source: everything from source); see
// internal/driver. go vet's protocol (-V=full, -flags, *.cfg) goes to
// x/tools' unitchecker, through singlechecker.Main.
package main

import (
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
	// go vet's protocol. The standalone flags (-sarif, -load, -fix, ...)
	// are not registered: go vet learns the tool's flags from -flags, and
	// `go vet -sarif` is then go vet's own "flag provided but not defined".
	singlechecker.Main(analyzers.Analyzer)
}
