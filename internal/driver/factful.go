package driver

// # Fact packages that cannot carry a fact leave the source set
//
// A package of the source set that was not requested is there for its
// facts (see load.go's package comment). Many cannot have any: seaweedfs's
// filer, storage and operation packages reach aws-sdk-go only through
// s3_constants, which imports service/s3 for package-level tables of
// []*s3.Grant; prometheus/config reaches it through sigv4 for a config
// struct. Before type-checking, leaveSourceSet decides, bottom-up over the
// import graph, which of those candidates are "factful", with prune.go's
// carrier analysis and finer questions about the names a declaration
// selects from its imports:
//
//   - a name of an SDK package may lead to a fact when passes/sdk's tables
//     name it (sdk.Listed: minio-go's MaxRetry, an int, is a retry knob),
//     or it is a type that structurally reaches (fields, pointers, slices, maps, signatures,
//     interface methods, embedding, methods) a type passes/sdk describes
//     (sdk.DescribedType: clients, options, configs, sessions, credentials
//     and providers, retryers, SDK errors), a variable of such a type, or
//     a function whose signature reaches one or has an error parameter or
//     result; a constant never does (its value is in the export data of
//     the package that uses it). The SDK package is read from export data;
//     one that cannot be read leads to a fact;
//   - a name of another candidate leads to a fact when that candidate is
//     factful and the name is one of its carriers' or a package-level
//     variable or type that names something that leads to a fact; every
//     name of a requested or EnvOnly package, or of a package whose
//     functions configuration names, does;
//   - an interface type whose methods name anything of an SDK package or
//     of a factful candidate leads to a fact (a method may mirror an SDK
//     operation, sdk.MirroredOperation, whatever the types it names);
//   - a selector may be a method that leads to a fact when it is the name
//     of a carrier method of a factful candidate the package imports;
//   - a function with a parameter that may implement error is a carrier
//     only when it names something that may hold an expiry code or text
//     (expiryerr's classifiers compare with one, or call a classifier,
//     which is a carrier): a string literal that may be part of one
//     (mayBeExpiryText), a
//     package-level value whose declaration does, or a constant of an
//     import whose value does (read from export data; unknown: it may).
//
// When something cannot be decided (a parse error, a configuration that
// does not load, a name the export data does not hold) the package is
// factful. A candidate with no carrier is not factful: no pass can export
// a fact about it that matters to another package. It leaves the source
// set and is loaded as a dependency: from export data when the build
// cache holds it, read against the source packages it mentions (they are
// seeded into the export importer, and every reader waits for them, as for
// EnvOnly packages), else from source with function bodies skipped.
// checker.Analyze never sees it.
//
// # The fast path
//
// sdk.Analyzer's ReachesSDK is a package fact: a package that imports
// only packages that left the set would find no fact on them, and would
// fall back to walking types.Package.Imports, which export data fills only
// with the packages its API mentions. Its rules would return early where
// they ran before. After loading, fixReach gives every package that left
// the set and was read from export data an import that reaches an SDK, as
// its metadata says it has, so the walk finds what the fact said.

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/passes/sdk"
)

// declareNonFactful, when set (tests), declares every candidate not
// factful: the layouts that need a candidate's facts then lose findings.
var declareNonFactful = false

// fixReachOn enables fixReach; tests turn it off to show it matters.
var fixReachOn = true

// factInfo is what the decision found in a candidate.
type factInfo struct {
	factful bool
	// names are the package-level functions, variables and types that may
	// lead to a fact; methods the carrier methods' names.
	names, methods map[string]bool
	// expiry are the package-level values that may hold an expiry code or
	// text.
	expiry map[string]bool
	// unsure: the package could not be decided; every name of it may lead
	// to a fact or hold an expiry code.
	unsure bool
}

// parsedFiles are a package's files parsed for the decision, kept for its
// type-checking.
type parsedFiles struct {
	files []*ast.File
	errs  []error
	// graph is the decision's carrier analysis of files, for pruning.
	graph *declGraph
}

// factDecider decides which candidates are factful.
type factDecider struct {
	l       *loader
	source  map[string]bool
	infos   map[string]*factInfo // decided candidates, by ID
	parsed  map[string]parsedFiles
	scans   map[string]*scanned
	unsafe  map[string][]string // envOnlyDeps: export data that may mention a source package
	leadsTo map[*types.Named]int8
}

// leaveSourceSet decides which candidates (source-set packages that were
// neither requested, nor EnvOnly, nor test variants) are factful, removes
// the others from source, and returns them. The files of the factful ones
// stay parsed in l.parsed.
func (l *loader) leaveSourceSet(meta []*packages.Package, source, envOnly map[string]bool) map[string]bool {
	requestedOrNot, _ := prunable(meta, source)
	var cands []*packages.Package
	packages.Visit(meta, nil, func(p *packages.Package) {
		if requestedOrNot[p.ID] && !envOnly[p.ID] && !strings.Contains(p.ID, " [") {
			cands = append(cands, p)
		}
	})
	removed := map[string]bool{}
	if len(cands) == 0 {
		return removed
	}
	d := &factDecider{l: l, source: source, infos: map[string]*factInfo{}, parsed: map[string]parsedFiles{},
		scans: make(map[string]*scanned, len(cands)), unsafe: envOnlyDeps(meta, envOnly), leadsTo: map[*types.Named]int8{}}
	// Scan every candidate first, in parallel: most are decided from
	// their tokens alone (factDecider.clean), without being parsed.
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, p := range cands {
		if importsSDK(p) {
			continue // parsed whatever its tokens say
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			sc := scanPackage(p)
			mu.Lock()
			d.scans[p.ID] = sc
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, p := range cands { // dependency order
		info := d.decide(p)
		d.infos[p.ID] = info
		if !info.factful {
			removed[p.ID] = true
			delete(source, p.ID)
			delete(d.parsed, p.ID)
		}
	}
	l.parsed = d.parsed
	return removed
}

// importsSDK reports whether a package imports an SDK package directly.
func importsSDK(p *packages.Package) bool {
	for _, imp := range p.Imports {
		if sdk.IsSDKPath(imp.PkgPath) {
			return true
		}
	}
	return false
}

// decide decides one candidate, its imports decided.
func (d *factDecider) decide(p *packages.Package) *factInfo {
	unsure := &factInfo{factful: true, unsure: true}
	if declareNonFactful {
		return &factInfo{}
	}
	if len(p.CompiledGoFiles) == 0 || len(listErrors(p)) > 0 {
		return unsure
	}
	cfgPaths, cfgNames, ok := configuredNames(filepath.Dir(p.CompiledGoFiles[0]), p.PkgPath)
	if !ok {
		return unsure
	}
	imported := func(path string) *packages.Package { return p.Imports[path] }
	scope := factScope{
		interesting: func(path string) bool {
			imp := imported(path)
			switch {
			case imp == nil, sdk.IsSDKPath(imp.PkgPath), cfgPaths[imp.PkgPath]:
				return true
			case d.source[imp.ID]:
				if info := d.infos[imp.ID]; info != nil {
					return info.factful
				}
				return true // requested, EnvOnly, a test variant
			}
			return false
		},
		importName: func(path string) string {
			if imp := imported(path); imp != nil {
				return imp.Name
			}
			return ""
		},
		errorType: func(path, name string) (bool, bool) {
			imp := imported(path)
			if imp == nil {
				return false, false
			}
			pkg := d.exportTypes(imp)
			if pkg == nil {
				return false, false
			}
			tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				return false, false
			}
			return mayBeError(tn.Type()), true
		},
		configured: cfgNames,
		name: func(path, name string) bool {
			imp := imported(path)
			switch {
			case imp == nil || cfgPaths[imp.PkgPath]:
				return true
			case sdk.IsSDKPath(imp.PkgPath):
				return d.sdkNameLeads(imp, name)
			}
			if info := d.infos[imp.ID]; info != nil {
				return info.unsure || info.names[name]
			}
			return true
		},
		method: func(name string) bool {
			for _, imp := range p.Imports {
				if info := d.infos[imp.ID]; info != nil && (info.unsure || info.methods[name]) {
					return true
				}
			}
			return false
		},
		expiry: func(path, name string) bool {
			imp := imported(path)
			switch {
			case imp == nil:
				return true
			case isStd(imp.PkgPath):
				return false
			}
			if info := d.infos[imp.ID]; info != nil {
				return info.unsure || info.expiry[name]
			}
			if d.source[imp.ID] {
				return true
			}
			pkg := d.exportTypes(imp)
			if pkg == nil {
				return true
			}
			// expiryerr reads an import's constants (astq.StringConst),
			// never its variables (expiryTables are the package's own).
			switch obj := pkg.Scope().Lookup(name).(type) {
			case *types.Const:
				return obj.Val().Kind() == constant.String && mayBeExpiryText(strconv.Quote(constant.StringVal(obj.Val())))
			case nil:
				return true
			}
			return false
		},
	}
	if d.clean(p, scope) {
		return &factInfo{}
	}
	files, errs := parseFiles(d.l.fset, p.CompiledGoFiles, parser.AllErrors|parser.SkipObjectResolution)
	for _, err := range errs {
		if err != nil {
			return unsure
		}
	}
	g := markCarriers(files, scope)
	d.parsed[p.ID] = parsedFiles{files: files, errs: errs, graph: g}
	info := &factInfo{names: map[string]bool{}, methods: map[string]bool{}, expiry: g.expiry}
	for _, dc := range g.all {
		if !dc.carrier {
			continue
		}

		info.factful = true
		switch {
		case dc.fn != nil && dc.fn.Recv != nil:
			info.methods[dc.fn.Name.Name] = true
		case dc.fn != nil:
			info.names[dc.fn.Name.Name] = true
		case dc.value != nil:
			for _, n := range dc.value.Names {
				info.names[n.Name] = true
			}
		default:
			info.names[dc.typ.Name.Name] = true
		}
	}
	return info
}

// exportTypes returns the types of a package outside the source set read
// from export data, or nil when it cannot be read now (no export data, or
// export data that may mention a source-set package not yet loaded).
func (d *factDecider) exportTypes(imp *packages.Package) *types.Package {
	if d.source[imp.ID] || len(d.unsafe[imp.ID]) > 0 {
		return nil
	}
	pkg, err := d.l.exports.load(imp.PkgPath)
	if err != nil {
		return nil
	}
	return pkg
}

// sdkNameLeads reports whether a name of an SDK package may lead to a
// fact (see the comment at the top of this file).
func (d *factDecider) sdkNameLeads(imp *packages.Package, name string) bool {
	pkg := d.exportTypes(imp)
	if pkg == nil {
		return true
	}
	obj := pkg.Scope().Lookup(name)
	if obj != nil && sdk.Listed(obj) {
		return true // minio.MaxRetry, a knob of type int
	}
	switch obj := obj.(type) {
	case *types.Const:
		return false
	case *types.TypeName, *types.Var:
		return d.leads(obj.Type())
	case *types.Func:
		sig := obj.Type().(*types.Signature)
		return d.leads(sig) || tupleHasError(sig.Params()) || tupleHasError(sig.Results())
	}
	return true // not found: unsure
}

// leads reports whether t structurally reaches a type passes/sdk
// describes.
func (d *factDecider) leads(t types.Type) bool {
	switch t := t.(type) {
	case *types.Alias:
		return d.leads(types.Unalias(t))
	case *types.Named:
		if sdk.DescribedType(t) {
			return true
		}
		switch d.leadsTo[t] {
		case 1:
			return true
		case 2, 3: // no, or being decided (a cycle adds nothing)
			return false
		}
		d.leadsTo[t] = 3
		out := d.leads(t.Underlying())
		for i := 0; !out && i < t.NumMethods(); i++ {
			out = d.leads(t.Method(i).Type())
		}
		if args := t.TypeArgs(); args != nil {
			for i := 0; !out && i < args.Len(); i++ {
				out = d.leads(args.At(i))
			}
		}
		d.leadsTo[t] = 2
		if out {
			d.leadsTo[t] = 1
		}
		return out
	case *types.Pointer:
		return d.leads(t.Elem())
	case *types.Slice:
		return d.leads(t.Elem())
	case *types.Array:
		return d.leads(t.Elem())
	case *types.Chan:
		return d.leads(t.Elem())
	case *types.Map:
		return d.leads(t.Key()) || d.leads(t.Elem())
	case *types.Struct:
		for i := range t.NumFields() {
			if d.leads(t.Field(i).Type()) {
				return true
			}
		}
		return false
	case *types.Signature:
		return d.leads(t.Params()) || d.leads(t.Results())
	case *types.Tuple:
		for i := range t.Len() {
			if d.leads(t.At(i).Type()) {
				return true
			}
		}
		return false
	case *types.Interface:
		for i := range t.NumMethods() {
			if d.leads(t.Method(i).Type()) {
				return true
			}
		}
		return false
	case *types.Basic, *types.TypeParam:
		return false
	}
	return true
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// mayBeError reports whether t or *t implements error.
func mayBeError(t types.Type) bool {
	if types.Implements(t, errorIface) {
		return true
	}
	_, isIface := t.Underlying().(*types.Interface)
	return !isIface && types.Implements(types.NewPointer(t), errorIface)
}

func tupleHasError(t *types.Tuple) bool {
	for i := range t.Len() {
		if mayBeError(t.At(i).Type()) {
			return true
		}
	}
	return false
}

// seededBy returns the source-set packages that the export data of the
// packages that left the set and are read from export data may mention:
// their dependencies in the source set.
func seededBy(meta []*packages.Package, removed, source, deps map[string]bool) map[string]bool {
	seeds := map[string]bool{}
	seen := map[string]bool{}
	var mark func(p *packages.Package)
	mark = func(p *packages.Package) {
		for _, imp := range p.Imports {
			if seen[imp.ID] {
				continue
			}
			seen[imp.ID] = true
			if source[imp.ID] {
				seeds[imp.ID] = true
			}
			mark(imp)
		}
	}
	packages.Visit(meta, nil, func(p *packages.Package) {
		if removed[p.ID] && !deps[p.ID] {
			mark(p)
		}
	})
	return seeds
}

// fixReach gives every package that left the source set and was read from
// export data an import that reaches an SDK when its types do not list
// one (see the comment at the top of this file). It runs after loading.
func (l *loader) fixReach(meta []*packages.Package, removed map[string]bool) {
	if len(removed) == 0 || !fixReachOn {
		return
	}
	reaches := map[string]bool{}
	typesOf := func(p *packages.Package) *types.Package {
		if lp := l.loaded[p.ID]; lp != nil {
			if lp.pkg == nil {
				return nil
			}
			return lp.pkg.Types
		}
		l.exports.mu.Lock()
		t := l.exports.pkgs[p.PkgPath]
		l.exports.mu.Unlock()
		if t == nil && sdk.IsSDKPath(p.PkgPath) {
			t, _ = l.exports.load(p.PkgPath)
		}
		return t
	}
	packages.Visit(meta, nil, func(p *packages.Package) {
		for _, imp := range p.Imports {
			if reaches[imp.ID] || sdk.IsSDKPath(imp.PkgPath) {
				reaches[p.ID] = true
			}
		}
		if !removed[p.ID] || l.loaded[p.ID] != nil {
			return
		}
		t := typesOf(p)
		if t == nil || !reaches[p.ID] || sdk.Reaches(t) {
			return
		}
		for _, path := range slices.Sorted(maps.Keys(p.Imports)) {
			imp := p.Imports[path]
			if !reaches[imp.ID] && !sdk.IsSDKPath(imp.PkgPath) {
				continue
			}
			if via := typesOf(imp); via != nil && sdk.Reaches(via) {
				t.SetImports(append(slices.Clip(t.Imports()), via))
				return
			}
		}
	})
}

// scanned is what the tokens of a package's files say, before parsing.
type scanned struct {
	// unsure: a file that cannot be read or scanned, or an import whose
	// name is not known.
	unsure bool
	// dots are the paths of the packages outside the standard library
	// that a file dot-imports.
	dots map[string]bool
	// literal: a string literal that may name an AWS credential variable
	// or be part of an expiry code or text.
	literal bool
	// quals holds, by import path, the names selected from the import's
	// name (x.Name, where x is a file's name for the import).
	quals map[string]map[string]bool
}

// scanPackage scans the files of a candidate.
func scanPackage(p *packages.Package) *scanned {
	sc := &scanned{quals: map[string]map[string]bool{}, dots: map[string]bool{}}
	for _, name := range p.CompiledGoFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			return &scanned{unsure: true}
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			return &scanned{unsure: true}
		}
		names := map[string]string{} // import name -> path
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return &scanned{unsure: true}
			}
			name := ""
			if spec.Name != nil {
				name = spec.Name.Name
			} else if imp := p.Imports[path]; imp != nil {
				name = imp.Name
			}
			switch {
			case name == "_" || isStd(path) && (name == "" || name == "."):
			case name == "":
				return &scanned{unsure: true}
			case name == ".":
				sc.dots[path] = true // its names are unqualified
			default:
				names[name] = path
			}
		}
		var s scanner.Scanner
		s.Init(fset.AddFile(name, -1, len(src)), src, nil, 0)
		var prev1, prev2 token.Token // the previous token, the one before
		var prev2Lit string
		prev1Lit := ""
		for {
			_, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			switch {
			case tok == token.STRING:
				// After a name, a string is a struct tag (or an import
				// path): no operand of a constant, but it may name a
				// credential variable (env:"AWS_SECRET_ACCESS_KEY").
				tag := prev1 == token.IDENT || prev1 == token.RPAREN || prev1 == token.RBRACE
				if sdk.MayMentionCredentialVars([]byte(lit)) || !tag && mayBeExpiryText(lit) {
					sc.literal = true
				}
			case tok == token.IDENT && prev1 == token.PERIOD && prev2 == token.IDENT:
				if path, ok := names[prev2Lit]; ok {
					if sc.quals[path] == nil {
						sc.quals[path] = map[string]bool{}
					}
					sc.quals[path][lit] = true
				}
			}
			if s.ErrorCount > 0 {
				return &scanned{unsure: true}
			}
			prev2, prev2Lit = prev1, prev1Lit
			prev1, prev1Lit = tok, lit
		}
	}
	return sc
}

// clean reports whether a candidate cannot be factful by its tokens
// alone: no configured function, no import that may lead to a fact, no
// literal that may name a credential variable or an expiry code, and no
// name selected from an import that may be an expiry code. Every seed of
// markCarriers then fails, so no declaration is a carrier.
func (d *factDecider) clean(p *packages.Package, scope factScope) bool {
	sc := d.scans[p.ID]
	if sc == nil || sc.unsure || sc.literal || len(scope.configured) > 0 {
		return false
	}
	for path := range p.Imports {
		if scope.interesting(path) {
			return false
		}
	}
	for path, names := range sc.quals {
		for name := range names {
			if scope.expiry(path, name) {
				return false
			}
		}
	}
	for path := range sc.dots {
		if d.mayHoldExpiry(p.Imports[path]) {
			return false
		}
	}
	return true
}

// mayHoldExpiry reports whether an import outside the standard library
// may declare a constant that holds an expiry code or text.
func (d *factDecider) mayHoldExpiry(imp *packages.Package) bool {
	if imp == nil {
		return true
	}
	if info := d.infos[imp.ID]; info != nil {
		return info.unsure || len(info.expiry) > 0
	}
	if d.source[imp.ID] {
		return true
	}
	pkg := d.exportTypes(imp)
	if pkg == nil {
		return true
	}
	for _, name := range pkg.Scope().Names() {
		if c, ok := pkg.Scope().Lookup(name).(*types.Const); ok && c.Val().Kind() == constant.String &&
			mayBeExpiryText(strconv.Quote(constant.StringVal(c.Val()))) {
			return true
		}
	}
	return false
}
