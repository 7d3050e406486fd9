// Command noopfacts is the speed floor for credlint: a go/analysis pass that
// does nothing but declares a fact type, so the standalone driver parses and
// type-checks every dependency from source, exactly as it must for
// credlint.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

type noFact struct{}

func (*noFact) AFact() {}

var analyzer = &analysis.Analyzer{
	Name:      "noopfacts",
	Doc:       "does nothing; declares a fact type",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(noFact)},
}

func main() { singlechecker.Main(analyzer) }
