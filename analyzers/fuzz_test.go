package analyzers_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/internal/fixtures"
)

// sdkPackages loads, once, every package the fixture module's pins package
// reaches (the SDKs and their standard-library dependencies) from export
// data, to serve as the importer of fuzzed sources.
var sdkPackages = sync.OnceValues(func() (map[string]*types.Package, error) {
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
		Dir:  fixtures.Dir(),
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "./src/pins", "strings", "errors", "fmt", "os", "time", "log", "sync", "regexp", "context", "bytes")
	if err != nil {
		return nil, err
	}
	m := map[string]*types.Package{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Types != nil {
			m[p.PkgPath] = p.Types
		}
	})
	return m, nil
})

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// FuzzCredlint feeds generated and mutated Go source through the root
// analyzer and every rule, the way a driver would: all analyzers on code
// that type-checks, only those that run despite errors on code that does
// not. It must never panic. Seeds are the fixtures' own files.
//
//	go test ./analyzers -run='^$' -fuzz=FuzzCredlint -fuzztime=5m
func FuzzCredlint(f *testing.F) {
	root := filepath.Join(fixtures.Dir(), "src")
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			if data, err := os.ReadFile(path); err == nil {
				f.Add(string(data))
			}
		}
		return nil
	})
	f.Add("package p\n")
	f.Add("package p\nimport \"github.com/aws/aws-sdk-go-v2/aws\"\nvar _ = aws.NopRetryer{\n")
	f.Add("package p\nimport m \"github.com/minio/minio-go/v7\"\nfunc init() { m.MaxRetry, x = 1 }\n")
	pkgs, err := sdkPackages()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, filepath.Join(t.TempDir(), "fuzz.go"), src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil || file == nil {
			return // does not parse: no driver runs analyzers on it
		}
		info := &types.Info{
			Types:        map[ast.Expr]types.TypeAndValue{},
			Instances:    map[*ast.Ident]types.Instance{},
			Defs:         map[*ast.Ident]types.Object{},
			Uses:         map[*ast.Ident]types.Object{},
			Implicits:    map[ast.Node]types.Object{},
			Selections:   map[*ast.SelectorExpr]*types.Selection{},
			Scopes:       map[ast.Node]*types.Scope{},
			FileVersions: map[*ast.File]string{},
		}
		var typeErr error
		conf := types.Config{
			Importer: importerFunc(func(path string) (*types.Package, error) {
				if p := pkgs[path]; p != nil {
					return p, nil
				}
				return nil, errors.New("not available to the fuzzer: " + path)
			}),
			Error: func(err error) { typeErr = err },
		}
		pkg, _ := conf.Check("fuzz", fset, []*ast.File{file}, info)
		if pkg == nil {
			return
		}
		runGraph(t, analyzers.Analyzer, fset, file, pkg, info, typeErr != nil)
	})
}

// runGraph runs a and its requirements on one package, as a driver would,
// with no facts from other packages.
func runGraph(t *testing.T, root *analysis.Analyzer, fset *token.FileSet, file *ast.File, pkg *types.Package, info *types.Info, typeErrors bool) {
	results := map[*analysis.Analyzer]any{}
	failed := map[*analysis.Analyzer]bool{}
	var exec func(a *analysis.Analyzer)
	exec = func(a *analysis.Analyzer) {
		if _, done := results[a]; done || failed[a] {
			return
		}
		resultOf := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			exec(req)
			if failed[req] {
				failed[a] = true
				return
			}
			resultOf[req] = results[req]
		}
		if typeErrors && !a.RunDespiteErrors {
			failed[a] = true
			return
		}
		pass := &analysis.Pass{
			Analyzer:          a,
			Fset:              fset,
			Files:             []*ast.File{file},
			Pkg:               pkg,
			TypesInfo:         info,
			TypesSizes:        types.SizesFor("gc", "amd64"),
			TypeErrors:        nil,
			ResultOf:          resultOf,
			Report:            func(analysis.Diagnostic) {},
			ReadFile:          func(string) ([]byte, error) { return nil, fs.ErrNotExist },
			ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
			ExportObjectFact:  func(types.Object, analysis.Fact) {},
			ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
			ExportPackageFact: func(analysis.Fact) {},
			AllObjectFacts:    func() []analysis.ObjectFact { return nil },
			AllPackageFacts:   func() []analysis.PackageFact { return nil },
		}
		res, err := a.Run(pass)
		if err != nil {
			failed[a] = true
			return
		}
		results[a] = res
	}
	exec(root)
}
