// Package driver is credlint's standalone driver: it loads from source only
// the packages whose analysis can matter, everything else from the go
// command's export data where the build cache holds it (from source,
// function bodies skipped, where it does not), runs the analyzer, and
// prints what it found.
//
// credlint's passes exchange facts, and x/tools' singlechecker parses and
// type-checks every dependency from source (the SDKs and the standard
// library included) as soon as an analyzer declares a fact type: 9-13x the
// cost of type-checking the requested packages alone. Facts are only
// exported where a pass runs: on packages that can reach an SDK
// (sdk.Reach.Relevant) and on SDK-free packages that mention AWS
// credential variables (sdk.Reach.EnvOnly: credflow exports their
// functions' credentials); every pass returns early elsewhere, and the SDK
// packages themselves are described by passes/sdk, not by facts. So the
// source set, analyzed with facts, is
//
//   - the requested packages (test variants included with -test; a
//     package whose test variant is requested is analyzed as that
//     variant alone, see testVariants),
//   - every package that is not part of an SDK and imports one directly or
//     transitively, in any module (a shared helper module of the user's),
//   - every package that imports a package of the kinds above (so that a
//     type has one identity: a package loaded from export data never
//     mentions one of them),
//   - every package outside the standard library and the SDKs that
//     imports os, os/exec or syscall and whose files name an AWS
//     credential variable (sdk.MayMentionCredentialVars, a superset of
//     EnvOnly's syntactic pre-check). Their importers stay on export data
//     (Google's and others' cloud libraries read AWS_* variables, and
//     half a cloud SDK imports them): that export data is read into the
//     package loaded from source (exportImporter.seed), so its types keep
//     one identity too,
//
// and the action graph handed to checker.Analyze follows only the imports
// inside that set. A package of the set that was not requested is there
// for its facts alone: it is type-checked with only the function bodies
// that can carry a fact (pruneBodies, prune.go), the others set to nil.
// One that cannot carry any (it reaches an SDK only for its data types,
// or through packages whose names lead to nothing a pass recognises:
// leaveSourceSet, factful.go) leaves the set before type-checking and is
// loaded like the packages below, its export data read against the
// source packages it mentions (seeded, as for the EnvOnly packages'
// importers). A package that reaches an SDK only through such packages
// is still analyzed as reaching one (fixReach, factful.go).
//
// Every other package is a dependency whose types are needed, not its
// analysis: read from its export data when the go command has it, else
// type-checked from source with function bodies skipped (a package the
// build cache does not hold, whose export file vanished, or that does not
// compile), together with every package that imports it, for the same
// reason of identity. Which export data the build cache holds comes from
// one `go list -deps -export -n`: -n lists what is cached and compiles
// nothing, so a first run on an empty cache costs what type-checking from
// source costs, and a warm one what reading export data costs (the
// default). -load=export compiles what is missing (go list -export);
// -load=source loads everything from source, as singlechecker does.
package driver

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"maps"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/passes/sdk"
)

// metadataMode is what the single go list call asks for: the import graph,
// files, modules and where each package's export data is (-export; with
// -n only what the build cache already holds).
const metadataMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedDeps | packages.NeedModule |
	packages.NeedExportFile | packages.NeedTypesSizes | packages.NeedEmbedFiles | packages.NeedForTest

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
	// Compile has the go command compile the export data the build cache
	// lacks (go list -export), instead of type-checking those
	// dependencies from source (-load=export): minutes on an empty cache.
	Compile bool
}

// Program is the result of Load.
type Program struct {
	// Roots are the requested packages, in go list's order, with syntax
	// and types, and Imports restricted to the source set; a package whose
	// test variant is requested too is analyzed as that variant alone
	// (see testVariants).
	Roots []*packages.Package
	// Listed are the IDs of the packages go list returned, in its order:
	// the order of the results.
	Listed []string
	// StandsIn maps the ID of each test variant among Roots that is
	// analyzed in place of its package to that package's metadata: the
	// findings in the package's own files are the package's.
	StandsIn map[string]*packages.Package
	// Source holds every package loaded from source, by ID.
	Source map[string]*packages.Package
	// Fset holds the positions of every source package.
	Fset *token.FileSet
	// Errors are the errors of packages outside the source set (each
	// package's own, once, in dependency order) and the compilers' errors
	// of packages that type-check but do not compile, as the go command
	// prints them ("# pkg" and the errors).
	Errors []string
}

// exportFileUsable reports whether the export data file of the package
// path can be read; tests replace it to make a dependency's export data
// unavailable.
var exportFileUsable = func(path, file string) bool {
	_, err := os.Stat(file)
	return err == nil
}

// Load lists the packages matching patterns and their dependencies, and
// type-checks the source set (see the package comment). Errors of
// individual packages are recorded in their Errors and IllTyped fields
// and in Program.Errors; the error result is for a failure of the go
// command itself or a pattern that matches nothing.
func Load(ctx context.Context, cfg LoadConfig, patterns ...string) (*Program, error) {
	if cfg.AllSource {
		return loadAllSource(ctx, cfg, patterns)
	}
	fset := token.NewFileSet()
	listCfg := cfg
	if !cfg.Compile {
		// -n: report the export data the build cache holds, build nothing.
		listCfg.BuildFlags = append(slices.Clip(cfg.BuildFlags), "-n")
	}
	listed, err := goList(ctx, listCfg, metadataMode, fset, patterns)
	if err != nil {
		return nil, err
	}
	standsIn := testVariants(listed)
	meta := analyzed(listed, standsIn)

	source, envOnly := sourceSets(meta)
	deps := depSourceSet(meta, source)
	if err := completeCgoFiles(ctx, cfg, meta, source, deps); err != nil {
		return nil, err
	}
	l := &loader{
		fset:    fset,
		source:  source,
		exports: newExportImporter(fset),
	}
	packages.Visit(meta, nil, func(p *packages.Package) {
		if !source[p.ID] && !deps[p.ID] && p.PkgPath != "unsafe" {
			l.exports.add(p)
		}
	})
	// Candidates that cannot carry a fact leave the source set
	// (factful.go): dependencies from export data, or from source.
	removed := l.leaveSourceSet(meta, source, envOnly)
	seeds := envOnly
	if len(removed) > 0 {
		deps = depSourceSet(meta, source)
		packages.Visit(meta, nil, func(p *packages.Package) {
			if removed[p.ID] && !deps[p.ID] {
				l.exports.add(p)
			}
		})
		seeds = seededBy(meta, removed, source, deps)
		for id := range envOnly {
			seeds[id] = true
		}
	}
	l.loaded = make(map[string]*loaded, len(source)+len(deps))
	l.prunable, l.sourcePaths = prunable(meta, source)
	for id := range source {
		l.loaded[id] = &loaded{done: make(chan struct{}), seed: seeds[id]}
	}
	for id := range deps {
		l.loaded[id] = &loaded{done: make(chan struct{}), dep: true}
	}
	l.waitFor = envOnlyDeps(meta, seeds)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	packages.Visit(meta, nil, func(p *packages.Package) {
		if l.loaded[p.ID] == nil {
			return
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.check(p, sem)
		}()
	})
	wg.Wait()
	l.fixReach(meta, removed)
	// A test variant that does not load or type-check (a broken _test.go
	// file) does not stand in for its package: the package is analyzed
	// on its own too, as without test variants.
	for _, variant := range slices.Sorted(maps.Keys(standsIn)) {
		p := standsIn[variant]
		if loadedWell(l.loaded[variant].pkg) {
			continue
		}
		delete(standsIn, variant)
		switch {
		case l.loaded[p.ID] == nil: // not imported by a package loaded here
			source[p.ID] = true
			l.loaded[p.ID] = &loaded{done: make(chan struct{})}
			l.check(p, sem)
		case !source[p.ID]:
			// Loaded for its types alone: it cannot reach an SDK, so
			// no pass has anything to say about it.
			standsIn[variant] = p
		}
	}
	meta = analyzed(listed, standsIn)

	prog := &Program{Source: make(map[string]*packages.Package, len(source)), Fset: fset, StandsIn: standsIn, Listed: listIDs(listed)}
	for id := range source {
		prog.Source[id] = l.loaded[id].pkg
	}
	// Errors of the dependencies loaded here, and compilers' errors, once
	// each, in dependency order.
	packages.Visit(meta, nil, func(p *packages.Package) {
		lp := l.loaded[p.ID]
		if lp == nil {
			return
		}
		prog.Errors = append(prog.Errors, lp.compileErrs...)
		if lp.dep {
			prog.Errors = append(prog.Errors, lp.ownErrs...)
		}
	})
	// Imports restricted to the source set: checker.Analyze makes an
	// action for every import of an analyzer with facts.
	for id := range source {
		p := prog.Source[id]
		trimmed := make(map[string]*packages.Package)
		for path, imp := range p.Imports {
			if q := prog.Source[imp.ID]; q != nil {
				trimmed[path] = q
			}
		}
		p.Imports = trimmed
	}
	for _, p := range meta {
		prog.Roots = append(prog.Roots, prog.Source[p.ID])
	}
	return prog, nil
}

// loadAllSource loads every package from source (LoadConfig.AllSource).
func loadAllSource(ctx context.Context, cfg LoadConfig, patterns []string) (*Program, error) {
	fset := token.NewFileSet()
	listed, err := goList(ctx, cfg, packages.LoadAllSyntax|packages.NeedModule|packages.NeedForTest, fset, patterns)
	if err != nil {
		return nil, err
	}
	standsIn := testVariants(listed)
	for _, r := range listed {
		if standsIn[r.ID] != nil && !loadedWell(r) {
			delete(standsIn, r.ID) // see Load
		}
	}
	roots := analyzed(listed, standsIn)
	prog := &Program{Roots: roots, Listed: listIDs(listed), Source: map[string]*packages.Package{}, Fset: fset, StandsIn: standsIn}
	packages.Visit(roots, nil, func(p *packages.Package) { prog.Source[p.ID] = p })
	return prog, nil
}

// standIn enables testVariants' choice; tests turn it off to compare.
var standIn = true

// testVariants returns, for the packages go list returned, the test
// variants to analyze in place of their packages: each package whose test
// variant ("p [p.test]", the package compiled with its _test.go files) is
// listed too is left out, and the variant stands in for it (the map is
// from the variant's ID to the package). The variant holds every file of
// the package, so analyzing both runs every pass twice over the same
// files; go vet, too, analyzes only the variant. The package is still
// loaded, as a dependency, when a package that is analyzed imports it.
func testVariants(listed []*packages.Package) map[string]*packages.Package {
	byID := make(map[string]*packages.Package, len(listed))
	for _, p := range listed {
		byID[p.ID] = p
	}
	standsIn := map[string]*packages.Package{}
	for _, p := range listed {
		if standIn && p.ForTest != "" && p.PkgPath == p.ForTest {
			if own := byID[p.PkgPath]; own != nil {
				standsIn[p.ID] = own
			}
		}
	}
	return standsIn
}

// listIDs returns the IDs of pkgs.
func listIDs(pkgs []*packages.Package) []string {
	ids := make([]string, len(pkgs))
	for i, p := range pkgs {
		ids[i] = p.ID
	}
	return ids
}

// analyzed returns the packages of listed that are analyzed: all but
// those a test variant stands in for, in go list's order.
func analyzed(listed []*packages.Package, standsIn map[string]*packages.Package) []*packages.Package {
	if len(standsIn) == 0 {
		return listed
	}
	out := make([]*packages.Package, 0, len(listed))
	for _, p := range listed {
		if standsIn[p.ID+" ["+p.PkgPath+".test]"] == nil {
			out = append(out, p)
		}
	}
	return out
}

// loadedWell reports whether a package loaded and type-checked without
// an error.
func loadedWell(p *packages.Package) bool {
	return !p.IllTyped && len(p.Errors) == 0
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

// SourceSet returns the IDs of the packages to load from source and
// analyze: the roots, every non-SDK package that imports an SDK package
// directly or transitively, every package whose passes may export facts
// without an SDK (mayReadCredentialVars), and every package that imports
// one of the first two kinds (see the package comment).
func SourceSet(roots []*packages.Package) map[string]bool {
	source, _ := sourceSets(roots)
	return source
}

// sourceSets returns the source set and, within it, the SDK-free packages
// that are in it only for their facts (envOnly): their importers need not
// come from source, since the export data that mentions them is read into
// their source packages (exportImporter.seed).
func sourceSets(roots []*packages.Package) (source, envOnly map[string]bool) {
	reaches := map[string]bool{} // imports an SDK package, directly or not
	source, envOnly = map[string]bool{}, map[string]bool{}
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
			if source[imp.ID] && !envOnly[imp.ID] {
				source[p.ID] = true
			}
		}
		switch {
		case own:
		case reaches[p.ID]:
			source[p.ID] = true
		case !source[p.ID] && mayReadCredentialVars(p):
			source[p.ID] = true
			envOnly[p.ID] = true
		}
	})
	return source, envOnly
}

// mayReadCredentialVars reports whether the passes may find a package that
// cannot reach an SDK EnvOnly (sdk.Reach.EnvOnly): a package outside the
// standard library that imports os, os/exec or syscall and has a file
// that names an AWS credential variable.
func mayReadCredentialVars(p *packages.Package) bool {
	if isStd(p.PkgPath) {
		return false
	}
	env := false
	for path := range p.Imports {
		if path == "os" || path == "os/exec" || path == "syscall" {
			env = true
		}
	}
	if !env {
		return false
	}
	for _, name := range p.CompiledGoFiles {
		if src, err := os.ReadFile(name); err != nil || sdk.MayMentionCredentialVars(src) {
			return true // unreadable: let the type checker say why
		}
	}
	return false
}

// isStd reports whether path is a standard library package's: its first
// element has no dot (the go command's rule).
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// depSourceSet returns the IDs of the packages outside the source set that
// are type-checked from source, function bodies skipped: those without
// usable export data (not in the build cache, a vanished file, a package
// that does not compile) unless go list could not load them at all, and
// every package that imports one of those.
func depSourceSet(roots []*packages.Package, source map[string]bool) map[string]bool {
	deps := map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if source[p.ID] || p.PkgPath == "unsafe" {
			return
		}
		if p.ExportFile == "" || !exportFileUsable(p.PkgPath, p.ExportFile) {
			if len(listErrors(p)) == 0 && len(p.CompiledGoFiles)+len(p.GoFiles) > 0 {
				deps[p.ID] = true
				return
			}
		}
		for _, imp := range p.Imports {
			if deps[imp.ID] {
				deps[p.ID] = true
				return
			}
		}
	})
	return deps
}

// completeCgoFiles lists again, without -n, the packages to type-check
// from source that use cgo and that the build cache does not hold: go list
// -n runs no cgo, so their CompiledGoFiles are the unprocessed files (and
// sometimes an error saying the processed ones are not in the cache).
func completeCgoFiles(ctx context.Context, cfg LoadConfig, meta []*packages.Package, sets ...map[string]bool) error {
	if cfg.Compile {
		return nil
	}
	byPath := map[string][]*packages.Package{}
	var paths []string
	packages.Visit(meta, nil, func(p *packages.Package) {
		in := false
		for _, s := range sets {
			in = in || s[p.ID]
		}
		if !in || p.ExportFile != "" || !usesCgo(p) {
			return
		}
		if byPath[p.PkgPath] == nil {
			paths = append(paths, p.PkgPath)
		}
		byPath[p.PkgPath] = append(byPath[p.PkgPath], p)
	})
	if len(paths) == 0 {
		return nil
	}
	listed, err := goList(ctx, LoadConfig{Dir: cfg.Dir, Env: cfg.Env, BuildFlags: cfg.BuildFlags},
		packages.NeedName|packages.NeedFiles|packages.NeedCompiledGoFiles, token.NewFileSet(), paths)
	if err != nil {
		return fmt.Errorf("listing the cgo packages %s: %w", strings.Join(paths, " "), err)
	}
	for _, q := range listed {
		for _, p := range byPath[q.PkgPath] {
			p.CompiledGoFiles = slices.Clone(q.CompiledGoFiles)
			// A test variant adds its _test.go files (a package's test
			// files cannot use cgo).
			for _, f := range p.GoFiles {
				if strings.HasSuffix(f, "_test.go") {
					p.CompiledGoFiles = append(p.CompiledGoFiles, f)
				}
			}
			p.Errors = slices.DeleteFunc(p.Errors, isCgoCacheMiss)
			p.Errors = append(p.Errors, q.Errors...)
		}
	}
	return nil
}

// usesCgo reports whether a file of the package imports "C".
func usesCgo(p *packages.Package) bool {
	for _, name := range p.GoFiles {
		src, err := os.ReadFile(name)
		if err != nil || !bytes.Contains(src, []byte(`"C"`)) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				return true
			}
		}
	}
	return false
}

// listErrors returns a package's go list errors other than a compiler's
// output (which go list -export records for a package that does not
// compile) and go list -n's note that a cgo package's processed files are
// not in the build cache (completeCgoFiles lists those again).
func listErrors(p *packages.Package) []packages.Error {
	var out []packages.Error
	for _, e := range p.Errors {
		if e.Kind == packages.ListError && !isCompilerOutput(e) && !isCgoCacheMiss(e) {
			out = append(out, e)
		}
	}
	return out
}

// isCgoCacheMiss reports whether a go list -n error only says that a cgo
// package's processed files are not in the build cache (an empty cache:
// "plugin: loading compiled Go files from cache: reading srcfiles list:
// cache entry not found").
func isCgoCacheMiss(e packages.Error) bool {
	return strings.Contains(e.Msg, "loading compiled Go files from cache")
}

// isCompilerOutput reports whether a go list error is a compiler's output
// ("# pkg" and the errors), recorded by go list -export for a package that
// does not compile.
func isCompilerOutput(e packages.Error) bool {
	return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ")
}

// loaded is a package being type-checked from source.
type loaded struct {
	done chan struct{} // closed when pkg is complete
	pkg  *packages.Package
	// dep is a package outside the source set: type-checked without
	// function bodies, its syntax dropped.
	dep bool
	// compileErrs are the compiler's errors of a package that type-checks
	// but does not compile, as the go command prints them.
	compileErrs []string
	// seed: the package's types are the ones export data that mentions it
	// resolves to (an SDK-free package in the source set for its facts).
	seed bool
	// ownErrs are a dependency's own errors: not those of a package it
	// imports from source (said by that package), and a failed import of a
	// package without export data once per run.
	ownErrs []string
}

type loader struct {
	mu sync.Mutex
	// importSaid holds the failed imports of export data already said.
	importSaid map[string]bool

	fset    *token.FileSet
	source  map[string]bool
	exports *exportImporter
	loaded  map[string]*loaded
	// waitFor lists, for each package, the seeded packages among its
	// dependencies, direct or not: export data it reads may mention them.
	waitFor map[string][]string
	// prunable holds the source-set packages analyzed only for their
	// facts, type-checked without the bodies that cannot carry one
	// (pruneBodies); sourcePaths the import paths of the source set.
	prunable, sourcePaths map[string]bool
	// parsed holds the files of the candidates leaveSourceSet kept, until
	// they are type-checked.
	parsed map[string]parsedFiles
}

// peekParsed returns the files leaveSourceSet parsed for the package.
func (l *loader) peekParsed(id string) (parsedFiles, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	pf, ok := l.parsed[id]
	return pf, ok
}

// takeParsed returns (and forgets) the files leaveSourceSet parsed for
// the package, and its carrier analysis.
func (l *loader) takeParsed(id string) (parsedFiles, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	pf, ok := l.parsed[id]
	delete(l.parsed, id)
	return pf, ok
}

// envOnlyDeps returns, for each package, the envOnly packages among its
// dependencies (direct or not).
func envOnlyDeps(roots []*packages.Package, envOnly map[string]bool) map[string][]string {
	out := map[string][]string{}
	if len(envOnly) == 0 {
		return out
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		var ids []string
		for _, imp := range p.Imports {
			ids = append(ids, out[imp.ID]...)
			if envOnly[imp.ID] {
				ids = append(ids, imp.ID)
			}
		}
		slices.Sort(ids)
		out[p.ID] = slices.Compact(ids)
	})
	return out
}

// check parses and type-checks the package meta from source once its
// source imports are done, with at most cap(sem) packages at a time.
func (l *loader) check(meta *packages.Package, sem chan struct{}) {
	lp := l.loaded[meta.ID]
	defer close(lp.done)
	for _, imp := range meta.Imports {
		if dep := l.loaded[imp.ID]; dep != nil {
			<-dep.done
		}
	}
	// Before taking a slot: waiting inside one could leave none to the
	// packages waited for.
	for _, id := range l.waitFor[meta.ID] {
		<-l.loaded[id].done
	}
	sem <- struct{}{}
	defer func() { <-sem }()

	p := *meta // a copy: metadata packages are shared with the go list result
	p.Fset = l.fset
	p.Errors = nil
	lp.pkg = &p
	for _, e := range meta.Errors {
		if isCompilerOutput(e) {
			// The package type-checks (or the type checker says why
			// below): the compiler's output is said once, as go build
			// says it, and does not stop the analysis.
			lp.compileErrs = append(lp.compileErrs, strings.TrimRight(e.Msg, "\n"))
			continue
		}
		p.Errors = append(p.Errors, e)
	}

	mode := parser.AllErrors | parser.ParseComments | parser.SkipObjectResolution
	if lp.dep || l.prunable[meta.ID] {
		// Comments matter only where findings are reported (suppression,
		// generated files): not in a dependency or a fact package.
		mode = parser.AllErrors | parser.SkipObjectResolution
	}
	var files []*ast.File
	var errs []error
	if pf, ok := l.peekParsed(meta.ID); ok {
		files, errs = pf.files, pf.errs // parsed by leaveSourceSet
	} else {
		files, errs = parseFiles(l.fset, p.CompiledGoFiles, mode)
	}
	for i, f := range files {
		if f != nil {
			p.Syntax = append(p.Syntax, f)
		}
		if errs[i] != nil {
			p.Errors = append(p.Errors, parseErrors(errs[i])...)
		}
	}

	var cut pruned
	if l.prunable[meta.ID] {
		cut = l.prune(meta, p.Syntax)
	}

	if !lp.dep {
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
		// A dependency's function bodies do not change its API.
		IgnoreFuncBodies: lp.dep,
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				if cut.causedBy(te) {
					return
				}
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
				// A dependency's failed import of export data is said by
				// the first package that imports it.
				if lp.dep && l.firstImportError(te.Msg) {
					lp.ownErrs = append(lp.ownErrs, te.Fset.Position(te.Pos).String()+": "+te.Msg)
				}
				return
			}
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
			if lp.dep {
				lp.ownErrs = append(lp.ownErrs, err.Error())
			}
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		tc.GoVersion = "go" + p.Module.GoVersion
	}
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	err := types.NewChecker(tc, l.fset, p.Types, p.TypesInfo).Files(p.Syntax)
	if te, ok := err.(types.Error); ok && cut.causedBy(te) {
		err = nil // the first error, filtered by Error above
	}
	if err != nil && len(p.Errors) == 0 {
		p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
	}
	p.IllTyped = len(p.Errors) > 0 || illImport
	if lp.seed {
		l.exports.seed(p.Types)
	}
	if p.IllTyped {
		// The compiler's output repeats the type checker's errors (or
		// those of a package it imports).
		lp.compileErrs = nil
	}
	if lp.dep {
		p.Syntax = nil // only the types are needed
		if illImport {
			lp.ownErrs = nil // the package it imports says why
		} else if len(listErrors(&p)) > 0 || len(p.TypeErrors) == 0 {
			lp.ownErrs = userErrors(&p) // go list's and the parser's errors
		}
	}
}

// firstImportError reports whether a dependency's "could not import"
// error is said for the first time in the run.
func (l *loader) firstImportError(msg string) bool {
	if !strings.HasPrefix(msg, "could not import ") {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.importSaid[msg] {
		return false
	}
	if l.importSaid == nil {
		l.importSaid = map[string]bool{}
	}
	l.importSaid[msg] = true
	return true
}

// parseFiles parses the named files, in parallel (as go/packages does: the
// files of a large package are a good part of its loading time), and
// returns the files and errors in the order of names. Positions differ
// from one run to the next only in their file bases: findings are ordered
// by file name and offset (finding.ComparePos), never by token.Pos.
func parseFiles(fset *token.FileSet, names []string, mode parser.Mode) ([]*ast.File, []error) {
	files := make([]*ast.File, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				files[i], errs[i] = parseFile(fset, names[i], mode)
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return files, errs
}

// parseFile parses a Go file (go/packages parses with comments kept and
// all errors reported).
func parseFile(fset *token.FileSet, name string, mode parser.Mode) (*ast.File, error) {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	return parser.ParseFile(fset, name, src, mode)
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

// seed makes export data that mentions pkg's path resolve to pkg (loaded
// from source): gcexportdata reuses the objects of a package already in
// its map, so the package keeps one identity without its importers
// being loaded from source. Every reader that may mention it waits for it
// (loader.waitFor).
func (e *exportImporter) seed(pkg *types.Package) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.pkgs[pkg.Path()] = pkg
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
