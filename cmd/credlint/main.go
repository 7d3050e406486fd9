// Command credlint finds code that makes Go services on AWS ECS / Fargate
// fail with ExpiredToken hours after start.
//
//	credlint ./...                               # standalone
//	credlint -json ./...                         # JSON, with "category"
//	credlint -fix ./...                          # apply suggested fixes
//	go vet -vettool=$(command -v credlint) ./... # under go vet
//
// Exit status: 0 no findings, 3 findings, 1 an error (a package that does
// not type-check, a bad .credlint.toml).
package main

import (
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/credlint/credlint/analyzers"
)

func main() { singlechecker.Main(analyzers.Analyzer) }
