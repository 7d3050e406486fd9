// Package driver is credlint's standalone driver: it loads from source only
// the packages whose analysis can matter and everything else from the go
// command's export data, runs the analyzer, and prints what it found.
//
// credlint's passes exchange facts, and x/tools' singlechecker parses and
// type-checks every dependency from source (the SDKs and the standard
// library included) as soon as an analyzer declares a fact type: 9-13x the
// cost of type-checking the requested packages alone. Facts only matter on
// packages that can reach an SDK: every pass that exports facts returns
// early elsewhere (sdk.Reach.Relevant), and the SDK packages themselves are
// described by passes/sdk, not by facts. So the source set is
//
//   - the requested packages (test variants included with -test),
//   - every package that is not part of an SDK and imports one directly or
//     transitively, in any module (a shared helper module of the user's),
//   - every package that imports a package of the set (so that a type has
//     one identity: a package loaded from export data never mentions a
//     package loaded from source),
//
// and the action graph handed to checker.Analyze follows only the imports
// inside that set. One `go list -deps -export` gives the metadata and the
// export data; the set is type-checked here, in dependency order, with one
// importer over the export data for the rest.
package driver

import (
	"bufio"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/passes/sdk"
)

// metadataMode is what the single go list call asks for: the import graph,
// files, modules and the export data of every package (-export builds it,
// or finds it in the build cache).
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule |
	packages.NeedExportFile | packages.NeedTypesSizes | packages.NeedEmbedFiles

// LoadConfig says what to load and how.
type LoadConfig struct {
	// Dir is the directory the go command runs in ("" is the current one).
	Dir string
	// Env is the go command's environment (nil: the process's).
	Env []string
	// Tests loads the test variants of the requested packages too.
	Tests bool
	// BuildFlags are passed to the go command (e.g. -tags).
	BuildFlags []string
	// AllSource loads every package, dependencies included, from source,
	// as x/tools' singlechecker does for analyzers with facts: no export
	// data, so no compilation on a machine without a build cache, at 9-13x
	// the cost on one with a warm cache (-load=source).
	AllSource bool
}

// Program is the result of Load.
type Program struct {
	// Roots are the requested packages, in go list's order, with syntax
	// and types, and Imports restricted to the source set.
	Roots []*packages.Package
	// Source holds every package loaded from source, by ID.
	Source map[string]*packages.Package
	// Fset holds the positions of every source package.
	Fset *token.FileSet
}

// Load lists the packages matching patterns and their dependencies, and
// type-checks the source set (see the package comment). Errors of
// individual packages are recorded in their Errors and IllTyped fields; the
// error result is for a failure of the go command itself or a pattern
// that matches nothing.
func Load(ctx context.Context, cfg LoadConfig, patterns ...string) (*Program, error) {
	if cfg.AllSource {
		return loadAllSource(ctx, cfg, patterns)
	}
	fset := token.NewFileSet()
	meta, err := goList(ctx, cfg, metadataMode, fset, patterns)
	if err != nil {
		return nil, err
	}

	source := SourceSet(meta)
	l := &loader{
		fset:    fset,
		source:  source,
		exports: newExportImporter(fset),
		loaded:  make(map[string]*loaded, len(source)),
	}
	packages.Visit(meta, nil, func(p *packages.Package) {
		if !source[p.ID] && p.PkgPath != "unsafe" {
			l.exports.add(p)
		}
	})
	for id := range source {
		l.loaded[id] = &loaded{done: make(chan struct{})}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	packages.Visit(meta, nil, func(p *packages.Package) {
		if !source[p.ID] {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.check(p, sem)
		}()
	})
	wg.Wait()

	prog := &Program{Source: make(map[string]*packages.Package, len(source)), Fset: fset}
	for id, lp := range l.loaded {
		prog.Source[id] = lp.pkg
	}
	// Imports restricted to the source set: checker.Analyze makes an
	// action for every import of an analyzer with facts.
	for _, lp := range l.loaded {
		trimmed := make(map[string]*packages.Package)
		for path, imp := range lp.pkg.Imports {
			if q := prog.Source[imp.ID]; q != nil {
				trimmed[path] = q
			}
		}
		lp.pkg.Imports = trimmed
	}
	for _, p := range meta {
		prog.Roots = append(prog.Roots, prog.Source[p.ID])
	}
	return prog, nil
}

// loadAllSource loads every package from source (LoadConfig.AllSource).
func loadAllSource(ctx context.Context, cfg LoadConfig, patterns []string) (*Program, error) {
	fset := token.NewFileSet()
	roots, err := goList(ctx, cfg, packages.LoadAllSyntax|packages.NeedModule, fset, patterns)
	if err != nil {
		return nil, err
	}
	prog := &Program{Roots: roots, Source: map[string]*packages.Package{}, Fset: fset}
	packages.Visit(roots, nil, func(p *packages.Package) { prog.Source[p.ID] = p })
	return prog, nil
}

// goList runs packages.Load with the configuration's directory,
// environment, tests and build flags; a pattern list that matches nothing
// is an error.
func goList(ctx context.Context, cfg LoadConfig, mode packages.LoadMode, fset *token.FileSet, patterns []string) ([]*packages.Package, error) {
	pkgs, err := packages.Load(&packages.Config{
		Context:    ctx,
		Mode:       mode,
		Dir:        cfg.Dir,
		Env:        cfg.Env,
		Tests:      cfg.Tests,
		BuildFlags: cfg.BuildFlags,
		Fset:       fset,
	}, patterns...)
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	return pkgs, err
}

// SourceSet returns the IDs of the packages to load from source: the roots,
// every non-SDK package that imports an SDK package directly or
// transitively, and every package that imports one of those (see the
// package comment).
func SourceSet(roots []*packages.Package) map[string]bool {
	reaches := map[string]bool{} // imports an SDK package, directly or not
	source := map[string]bool{}
	for _, r := range roots {
		source[r.ID] = true
	}
	// Visit is post-order: a package's imports are decided before it.
	packages.Visit(roots, nil, func(p *packages.Package) {
		own := sdk.IsSDKPath(p.PkgPath)
		for _, imp := range p.Imports {
			if reaches[imp.ID] || sdk.IsSDKPath(imp.PkgPath) {
				reaches[p.ID] = true
			}
			if source[imp.ID] {
				source[p.ID] = true
			}
		}
		if reaches[p.ID] && !own {
			source[p.ID] = true
		}
	})
	return source
}

// loaded is a source package being type-checked.
type loaded struct {
	done chan struct{} // closed when pkg is complete
	pkg  *packages.Package
}

type loader struct {
	fset    *token.FileSet
	source  map[string]bool
	exports *exportImporter
	loaded  map[string]*loaded
}

// check parses and type-checks the source package meta once its source
// imports are done, with at most cap(sem) packages at a time.
func (l *loader) check(meta *packages.Package, sem chan struct{}) {
	lp := l.loaded[meta.ID]
	defer close(lp.done)
	for _, imp := range meta.Imports {
		if dep := l.loaded[imp.ID]; dep != nil {
			<-dep.done
		}
	}
	sem <- struct{}{}
	defer func() { <-sem }()

	p := *meta // a copy: metadata packages are shared with the go list result
	p.Fset = l.fset
	p.Errors = append([]packages.Error(nil), meta.Errors...)
	lp.pkg = &p

	for _, name := range p.CompiledGoFiles {
		f, err := parseFile(l.fset, name)
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if err != nil {
			p.Errors = append(p.Errors, parseErrors(err)...)
		}
	}

	p.TypesInfo = &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
	illImport := false
	tc := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			imp := meta.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if dep := l.loaded[imp.ID]; dep != nil {
				if dep.pkg.IllTyped {
					illImport = true
				}
				return dep.pkg.Types, nil
			}
			return l.exports.load(imp.PkgPath)
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				return
			}
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	err := types.NewChecker(tc, l.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if err != nil && len(p.Errors) == 0 {
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = len(p.Errors) > 0 || illImport
}

// parseFile parses a Go file as go/packages does (comments kept, all
// errors reported).
func parseFile(fset *token.FileSet, name string) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parser.ParseFile(fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
}

func parseErrors(err error) []packages.Error {
	var list scanner.ErrorList
	switch err := err.(type) {
	case scanner.ErrorList:
		list = err
	case *os.PathError:
		return []packages.Error{{Pos: err.Path + ":1", Msg: err.Err.Error(), Kind: packages.ParseError}}
	default:
		return []packages.Error{{Pos: "-", Msg: err.Error(), Kind: packages.ParseError}}
	}
	var out []packages.Error
	for _, e := range list {
		out = append(out, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
	}
	return out
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// exportImporter reads packages from the go command's export data into one
// map, so that every package loaded from export data has one identity.
// Packages are read on first import; reads are serialised (the map is
// shared, and reading is fast next to type-checking from source).
type exportImporter struct {
	fset  *token.FileSet
	files map[string]string // package path -> export data file

	mu   sync.Mutex
	pkgs map[string]*types.Package
	errs map[string]error
}

func newExportImporter(fset *token.FileSet) *exportImporter {
	return &exportImporter{fset: fset, files: map[string]string{}, pkgs: map[string]*types.Package{}, errs: map[string]error{}}
}

// add records where the export data of p is. Packages outside the source
// set are never test variants (a test variant imports the package under
// test, which is requested), so the package path identifies them.
func (e *exportImporter) add(p *packages.Package) {
	if p.ExportFile != "" {
		e.files[p.PkgPath] = p.ExportFile
		return
	}
	msg := fmt.Sprintf("no export data for %s", p.PkgPath)
	if len(p.Errors) > 0 {
		msg = fmt.Sprintf("%s: %s", p.PkgPath, p.Errors[0].Msg)
	}
	e.errs[p.PkgPath] = fmt.Errorf("%s", msg)
}

func (e *exportImporter) load(path string) (*types.Package, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if p := e.pkgs[path]; p != nil && p.Complete() {
		return p, nil
	}
	if err := e.errs[path]; err != nil {
		return nil, err
	}
	file := e.files[path]
	if file == "" {
		return nil, fmt.Errorf("no export data for %s", path)
	}
	p, err := e.read(path, file)
	if err != nil {
		e.errs[path] = err
		return nil, err
	}
	return p, nil
}

func (e *exportImporter) read(path, file string) (*types.Package, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", path, err)
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", path, err)
	}
	p, err := gcexportdata.Read(r, e.fset, e.pkgs, path)
	if err != nil {
		return nil, fmt.Errorf("reading export data of %s: %w", path, err)
	}
	return p, nil
}

// SortedIDs returns the keys of a set in order (for deterministic output).
func SortedIDs(set map[string]bool) []string {
	ids := make([]string, 0, len(set))
	for id := range set {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
