package driver

// # Fact packages without the bodies that cannot carry a fact
//
// A package of the source set that was not requested (madmin-go under
// minio/mc, a helper module's package) is analyzed only for the facts its
// passes export; its findings are dropped. Type-checking it with every
// function body costs what the requested packages cost (madmin-go/v3:
// 48,000 lines, two thirds of them msgp-generated methods), so
// pruneBodies sets the Body of the FuncDecls that cannot contribute to a
// fact to nil before go/types runs. go/types accepts a FuncDecl without a
// body (a function implemented elsewhere) and the passes treat it as one
// they know nothing about, which is what they conclude of a body that
// names nothing they recognise.
//
// # Why it is sound
//
// Every fact is derived from a function's body (or a package-level
// declaration, never pruned) by passes that recognise:
//
//   - SDK symbols (constructors, operations, knobs, classifiers: passes/sdk)
//     and facts of other source-set packages: a body names an import whose
//     path is an SDK's (sdk.IsSDKPath) or a source-set package's;
//   - functions that configuration names (staticcreds.constructors,
//     globalclient.constructors, expiryerr.classifiers): a body names one,
//     or an import of the package that holds one; such a function is kept;
//   - AWS credential variables (credflow's environment provenance, the
//     EnvOnly pre-check): a string literal that may name one
//     (sdk.MayMentionCredentialVars);
//   - an expiry classifier: a function with a parameter that may implement
//     error (IsClassifier inspects its body for text or code checks);
//   - values of such types that reach a body through its signature: a
//     receiver, parameter or result whose type names an import above or a
//     local type whose declaration does (a struct with an *s3.Client
//     field, an interface listing SDK methods, an embedding), transitively;
//   - package-level variables and constants whose declaration names any of
//     these (a global client, a table of expiry codes).
//
// Those bodies are "carriers", and so is, to a fixpoint, any function
// whose signature or body names a carrier, an interesting local type or an
// interesting package-level variable: its caller may inherit its fact
// (helpers calling helpers, start-up code calling a setter). A function is
// named by an identifier, a method by a selector. A syntactic pass cannot
// know a receiver's type, so a selector names every method of that name,
// with two exceptions that are certain: on the method's own receiver
// (s.put() in a method of *Store) it names the receiver type's method when
// the type declares one (or nothing, when the type declares a field of
// that name); and a selector that is the operand of another selector, an
// index, a slice, a dereference, a type assertion, an address or an
// assignment (x.f.M(), x.f[i], x.f = v) is a field, never a method value.
// A body that names none of these cannot produce a Creds,
// ReturnsSDKError, IsClassifier, DisablesRetries or SetsGlobals fact, nor
// change one: it has no SDK value, no error of an SDK call, no error
// parameter, no credential variable and no global that holds one.
//
// The passes also read what a carrier calls or reads: the provenance of a
// key (credflow follows a string through the returns of the package's
// functions and the definitions of its variables), the error a helper
// returns. So every function or method a kept body (or the initialiser of
// a kept variable) names is kept too, and so is every function that
// assigns, increments or takes the address of a package-level variable
// that kept code names (its other definitions), to a fixpoint; those are
// kept without being carriers, since what they compute reaches a fact only
// through the carrier that called them. Package-level declarations are
// never pruned, and neither are init functions (a missing init body is an
// error) nor generic functions (likewise), and a file that dot-imports an
// interesting package, or imports one under a name the metadata does not
// give, keeps every body.
//
// Identifiers are matched by name, ignoring scopes: a local variable named
// like a package-level function keeps that function (more kept, never
// less); a selector whose operand is an import's name names the import,
// and a method too if the body declares a variable of that name. When
// something cannot be decided (an imported parameter type the importer
// cannot resolve, a type parameter), the body is kept. The differential
// test (TestSameFindingsAsFullSource, the "fact bodies" layout of
// testdata/driverfix) holds the default loader to the all-source one's
// findings.
//
// A package that leaveSourceSet decided factful (factful.go) is pruned
// with the carriers of that decision, whose seeds are finer (an SDK name
// counts only when it leads to a type passes/sdk describes, an error
// parameter only with an expiry code in sight): the same argument, per
// declaration, that lets a package without any carrier leave the set.

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/passes/sdk"
)

// factScope is what pruneBodies needs to know about the package's
// surroundings.
type factScope struct {
	// interesting reports whether an import path is an SDK package's, a
	// source-set package's (it may carry facts) or one that configuration
	// names functions of.
	interesting func(path string) bool
	// errorType reports whether the named type of an imported package (or
	// a pointer to it) implements error; ok is false when it cannot tell.
	errorType func(path, name string) (implements, ok bool)
	// importName returns the name of the package an import path denotes
	// ("" if unknown).
	importName func(path string) string
	// configured holds the names of the package's functions and methods
	// that configuration names.
	configured map[string]bool

	// The finer questions of the factfulness decision (factful.go); nil
	// when pruning, which keeps every body that names an interesting
	// import.
	//
	// name reports whether a name selected from an interesting import may
	// lead to a fact.
	name func(path, name string) bool
	// method reports whether a selector of that name may be a method that
	// leads to a fact.
	method func(name string) bool
	// expiry reports whether a name selected from an import may be a
	// constant or table that holds an expiry code or text.
	expiry func(path, name string) bool
}

// configuredNames returns the functions of the user's own that the
// configuration of the package in dir names: their import paths, and the
// function or method names of those in pkgPath. ok is false when the
// configuration cannot be loaded (the package is then not pruned: its
// analysis reports the error).
func configuredNames(dir, pkgPath string) (paths, names map[string]bool, ok bool) {
	cfg, err := config.ForDir(dir)
	if err != nil {
		return nil, nil, false
	}
	paths, names = map[string]bool{}, map[string]bool{}
	for _, list := range [][]string{cfg.Staticcreds.Constructors, cfg.Globalclient.Constructors, cfg.Expiryerr.Classifiers} {
		for _, s := range list {
			path, _, name, err := config.SplitFuncName(s)
			if err != nil {
				continue
			}
			paths[path] = true
			if path == pkgPath {
				names[name] = true
			}
		}
	}
	return paths, names, true
}

// refs are the names a declaration mentions.
type refs struct {
	idents map[string]bool // unqualified identifiers
	sels   map[string]bool // names of methods of any type
	// methodRefs are methods of the receiver's type ("T.M").
	methodRefs map[string]bool
	assigns    map[string]bool // identifiers assigned, incremented or whose address is taken
	imports    map[string]bool // import paths named through the file's import names
	envLit     bool            // a string literal that may name an AWS credential variable
	// qual holds, by import path, the names selected from the import.
	qual map[string]map[string]bool
	// expiryLit: a string literal that may be part of an expiry code or
	// text (expiryerr's classifiers compare with one).
	expiryLit bool
	// ifaceImports are the import paths named in the methods of an
	// interface type (its methods may mirror an SDK operation:
	// sdk.MirroredOperation).
	ifaceImports map[string]bool
}

// decl is a function or method declaration, or a package-level value or
// type specification.
type decl struct {
	fn      *ast.FuncDecl  // a function or method
	value   *ast.ValueSpec // a var or const specification
	isConst bool           // value is a const specification
	typ     *ast.TypeSpec  // a type specification

	file    *fileScope
	sig     refs // the signature's (fn), the specification's (value, typ)
	body    refs // the body's (fn)
	carrier bool // may carry or change a fact: callers are kept too
	kept    bool // the body is kept
}

// fileScope is a file's import names.
type fileScope struct {
	f       *ast.File
	imports map[string]string    // name -> path ("." for dot imports is not listed)
	specs   map[string]token.Pos // path -> its import specification
	dotHot  bool                 // dot-imports an interesting package
}

// pruned says what pruneBodies removed.
type pruned struct {
	// bodies is the number of function bodies removed.
	bodies int
	// imports holds the import specifications that only removed bodies
	// may have used: go/types' "imported and not used" for them is
	// pruning's, not the package's.
	imports map[token.Pos]bool
}

// declGraph is a package's declarations, what they name and which are
// carriers.
type declGraph struct {
	funcs, methods, typed, named map[string][]*decl
	all                          []*decl
	byAssign                     map[string][]*decl
	// expiry holds the package-level variables and constants that may
	// hold an expiry code or text (only with factScope.expiry).
	expiry map[string]bool
}

// pruneBodies sets to nil the body of every function declaration of files
// that cannot carry a fact (see the comment at the top of this file).
func pruneBodies(files []*ast.File, scope factScope) pruned {
	return pruneGraph(markCarriers(files, scope))
}

// pruneGraph sets to nil the bodies of the functions of g that are neither
// carriers nor named by kept code.
func pruneGraph(g *declGraph) pruned {
	funcs, methods, typed, named, all, byAssign := g.funcs, g.methods, g.typed, g.named, g.all, g.byAssign
	var work []*decl
	// Kept: carriers, what kept code names, and the other definitions of
	// the variables it reads.
	for _, dc := range all {
		if dc.carrier {
			work = append(work, dc)
			dc.kept = true
		}
	}
	keep := func(dc *decl) {
		if !dc.kept {
			dc.kept = true
			work = append(work, dc)
		}
	}
	for len(work) > 0 {
		dc := work[len(work)-1]
		work = work[:len(work)-1]
		r := dc.body
		if dc.fn == nil {
			r = dc.sig // a variable's initialiser
		}
		for n := range r.idents {
			for _, f := range funcs[n] {
				keep(f)
			}
			for _, v := range named[n] {
				if v.value == nil {
					continue
				}
				keep(v)
				if !v.isConst {
					for _, u := range byAssign[n] { // its other definitions
						keep(u)
					}
				}
			}
		}
		for n := range r.sels {
			for _, m := range methods[n] {
				keep(m)
			}
		}
		for n := range r.methodRefs {
			for _, m := range typed[n] {
				keep(m)
			}
		}
	}

	out := pruned{imports: map[token.Pos]bool{}}
	for _, dc := range all {
		fd := dc.fn
		if fd == nil || dc.kept || fd.Body == nil || fd.Name.Name == "init" && fd.Recv == nil || fd.Type.TypeParams != nil {
			continue
		}
		fd.Body = nil
		out.bodies++
		for path := range dc.body.imports {
			out.imports[dc.file.specs[path]] = true
		}
	}
	return out
}

// markCarriers collects the declarations of files and marks the carriers.
func markCarriers(files []*ast.File, scope factScope) *declGraph {
	var (
		funcs    = map[string][]*decl{} // package-level functions by name
		methods  = map[string][]*decl{} // methods by name
		typed    = map[string][]*decl{} // methods by "T.M"
		named    = map[string][]*decl{} // package-level types, vars and consts by name
		all      []*decl
		typeMems = membersOf(files)
	)
	for _, f := range files {
		fs := &fileScope{f: f, imports: map[string]string{}, specs: map[string]token.Pos{}}
		for _, imp := range f.Imports {
			path, err := strconv.Unquote(imp.Path.Value)
			if err != nil {
				continue
			}
			fs.specs[path] = imp.Pos() // where go/types reports it unused
			name := ""
			switch {
			case imp.Name != nil:
				name = imp.Name.Name
			case scope.importName != nil:
				name = scope.importName(path)
			}
			if name == "" && scope.interesting(path) {
				name = "." // unknown name: every body of the file may use it
			}
			switch name {
			case "":
			case "_":
			case ".":
				if scope.interesting(path) {
					fs.dotHot = true
				}
			default:
				fs.imports[name] = path
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				dc := &decl{fn: d, file: fs}
				var recv recvScope
				if d.Recv != nil && len(d.Recv.List) > 0 && len(d.Recv.List[0].Names) > 0 {
					recv.name = d.Recv.List[0].Names[0].Name
					recv.typ = recvTypeName(d)
					recv.members = typeMems[recv.typ]
				}
				dc.sig = fs.refsOf(recvScope{}, d.Recv, d.Type)
				dc.body = fs.refsOf(recv, d.Body)
				all = append(all, dc)
				if d.Recv != nil {
					methods[d.Name.Name] = append(methods[d.Name.Name], dc)
					key := recvTypeName(d) + "." + d.Name.Name
					typed[key] = append(typed[key], dc)
				} else {
					funcs[d.Name.Name] = append(funcs[d.Name.Name], dc)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch spec := spec.(type) {
					case *ast.ValueSpec:
						dc := &decl{value: spec, isConst: d.Tok == token.CONST, file: fs, sig: fs.refsOf(recvScope{}, spec)}
						all = append(all, dc)
						for _, n := range spec.Names {
							named[n.Name] = append(named[n.Name], dc)
						}
					case *ast.TypeSpec:
						dc := &decl{typ: spec, file: fs, sig: fs.refsOf(recvScope{}, spec)}
						all = append(all, dc)
						named[spec.Name.Name] = append(named[spec.Name.Name], dc)
					}
				}
			}
		}
	}

	// Who mentions a name, to propagate without rescanning.
	byIdent, bySel, byMethod, byAssign := map[string][]*decl{}, map[string][]*decl{}, map[string][]*decl{}, map[string][]*decl{}
	for _, dc := range all {
		for _, r := range []refs{dc.sig, dc.body} {
			for n := range r.idents {
				byIdent[n] = append(byIdent[n], dc)
			}
			for n := range r.sels {
				bySel[n] = append(bySel[n], dc)
			}
			for n := range r.methodRefs {
				byMethod[n] = append(byMethod[n], dc)
			}
			if dc.fn != nil {
				for n := range r.assigns {
					byAssign[n] = append(byAssign[n], dc)
				}
			}
		}
	}
	errTypes := localErrorTypes(files, methods)
	expiryNames := localExpiryValues(all, named, scope)

	// Carriers: seeds, then whatever names a carrier.
	var work []*decl
	mark := func(dc *decl) {
		if !dc.carrier {
			dc.carrier = true
			work = append(work, dc)
		}
	}
	for _, dc := range all {
		if dc.seed(scope, errTypes, expiryNames) {
			mark(dc)
		}
	}
	for len(work) > 0 {
		dc := work[len(work)-1]
		work = work[:len(work)-1]
		var users []*decl
		switch {
		case dc.fn != nil && dc.fn.Recv != nil:
			users = slices.Concat(bySel[dc.fn.Name.Name], byMethod[recvTypeName(dc.fn)+"."+dc.fn.Name.Name])
		case dc.fn != nil:
			users = byIdent[dc.fn.Name.Name]
		case dc.value != nil:
			for _, n := range dc.value.Names {
				users = append(users, byIdent[n.Name]...)
			}
		default:
			users = byIdent[dc.typ.Name.Name]
		}
		for _, u := range users {
			mark(u)
		}
	}
	return &declGraph{funcs: funcs, methods: methods, typed: typed, named: named, all: all, byAssign: byAssign, expiry: expiryNames}
}

// seed reports whether a declaration may carry a fact by itself.
func (dc *decl) seed(scope factScope, errTypes, expiryNames map[string]bool) bool {
	if dc.file.dotHot || dc.sig.envLit || dc.body.envLit {
		return true
	}
	for _, r := range []refs{dc.sig, dc.body} {
		for path := range r.ifaceImports {
			if scope.interesting(path) {
				return true // a method that may mirror an operation
			}
		}
		for path := range r.imports {
			if !scope.interesting(path) {
				continue
			}
			if scope.name == nil {
				return true
			}
			for name := range r.qual[path] {
				if scope.name(path, name) {
					return true
				}
			}
		}
		if scope.method != nil {
			for name := range r.sels {
				if scope.method(name) {
					return true
				}
			}
		}
	}
	if dc.fn == nil {
		return false
	}
	if scope.configured[dc.fn.Name.Name] {
		return true
	}
	if scope.expiry != nil && !dc.body.mayNameExpiry(scope, expiryNames) {
		// An expiry classifier compares with an expiry code or text (a
		// literal, a constant, a table), or calls a classifier (then it
		// names a carrier).
		return false
	}
	for _, field := range dc.fn.Type.Params.List {
		if dc.file.mayImplementError(field.Type, scope, errTypes) {
			return true
		}
	}
	return false
}

// mayNameExpiry reports whether r names something that may hold an expiry
// code or text: a string literal, a package-level value of the package
// that may (expiryNames), or a name selected from an import that may
// (factScope.expiry).
func (r refs) mayNameExpiry(scope factScope, expiryNames map[string]bool) bool {
	if r.expiryLit {
		return true
	}
	for n := range r.idents {
		if expiryNames[n] {
			return true
		}
	}
	for path, names := range r.qual {
		for n := range names {
			if scope.expiry(path, n) {
				return true
			}
		}
	}
	return false
}

// localExpiryValues returns, with factScope.expiry, the package-level
// variables and constants whose declaration may hold an expiry code or
// text, to a fixpoint.
func localExpiryValues(all []*decl, named map[string][]*decl, scope factScope) map[string]bool {
	out := map[string]bool{}
	if scope.expiry == nil {
		return out
	}
	for changed := true; changed; {
		changed = false
		for _, dc := range all {
			if dc.value == nil || out[dc.value.Names[0].Name] || !dc.sig.mayNameExpiry(scope, out) {
				continue
			}
			for _, n := range dc.value.Names {
				out[n.Name] = true
			}
			changed = true
		}
	}
	return out
}

// mayBeExpiryText reports whether a string literal (quoted) may be, or be
// part of, an expiry code or text (sdk.MayBePartOfExpiryText).
func mayBeExpiryText(lit string) bool {
	if uq, err := strconv.Unquote(lit); err == nil {
		lit = uq
	}
	return sdk.MayBePartOfExpiryText(lit)
}

// mayImplementError reports whether a parameter type may implement error
// (expiryerr's classifiers take one): error itself, a local type that may
// have an Error method, an imported type that has one (or whose importer
// cannot tell), a type parameter or anything not recognised.
func (fs *fileScope) mayImplementError(t ast.Expr, scope factScope, errTypes map[string]bool) bool {
	switch t := ast.Unparen(t).(type) {
	case *ast.Ellipsis:
		return fs.mayImplementError(t.Elt, scope, errTypes)
	case *ast.StarExpr:
		return fs.mayImplementError(t.X, scope, errTypes)
	case *ast.Ident:
		if b, ok := predeclaredNonError[t.Name]; ok {
			return !b
		}
		v, local := errTypes[t.Name]
		return v || !local // a type parameter, or a name not declared here
	case *ast.SelectorExpr:
		x, ok := t.X.(*ast.Ident)
		if !ok {
			return true
		}
		path, ok := fs.imports[x.Name]
		if !ok || scope.errorType == nil {
			return true
		}
		impl, known := scope.errorType(path, t.Sel.Name)
		return impl || !known
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType:
		return false
	case *ast.StructType:
		return len(t.Fields.List) > 0 && hasEmbedded(t)
	case *ast.InterfaceType:
		return t.Methods != nil && len(t.Methods.List) > 0
	}
	return true // an instantiation, or something else not recognised
}

// predeclaredNonError maps the predeclared type names to false, except
// error (true: it is error).
var predeclaredNonError = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range types.Universe.Names() {
		if _, ok := types.Universe.Lookup(name).(*types.TypeName); ok {
			m[name] = name != "error"
		}
	}
	return m
}()

// localErrorTypes returns, for each type declared at package level, whether
// it may implement error: it has an Error method, or it is (or is defined
// as) an interface with methods, a struct that embeds, another local type
// that may, or an imported type.
func localErrorTypes(files []*ast.File, methods map[string][]*decl) map[string]bool {
	specs := map[string]*ast.TypeSpec{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					ts := s.(*ast.TypeSpec)
					specs[ts.Name.Name] = ts
				}
			}
		}
	}
	out := map[string]bool{}
	withError := map[string]bool{}
	for _, m := range methods["Error"] {
		if name := recvTypeName(m.fn); name != "" {
			withError[name] = true
		}
	}
	var may func(name string, depth int) bool
	may = func(name string, depth int) bool {
		if withError[name] {
			return true
		}
		ts := specs[name]
		if ts == nil || depth > 8 {
			return true
		}
		switch t := ast.Unparen(ts.Type).(type) {
		case *ast.Ident:
			if _, pre := predeclaredNonError[t.Name]; pre {
				return t.Name == "error"
			}
			return may(t.Name, depth+1)
		case *ast.StructType:
			return hasEmbedded(t)
		case *ast.InterfaceType:
			return t.Methods != nil && len(t.Methods.List) > 0
		case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType, *ast.StarExpr:
			return false
		}
		return true
	}
	for name := range specs {
		out[name] = may(name, 0)
	}
	return out
}

func hasEmbedded(t *ast.StructType) bool {
	for _, f := range t.Fields.List {
		if len(f.Names) == 0 {
			return true
		}
	}
	return false
}

// recvTypeName returns the base type name of a method's receiver.
func recvTypeName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.ParenExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// recvScope is what refsOf knows of a method's receiver: a selector on
// the receiver's name resolves to the methods and fields of its type.
type recvScope struct {
	name    string   // the receiver's name ("" for none)
	typ     string   // its base type's name
	members *members // what the type declares (nil if not a local struct or unknown)
}

// members are a local type's methods and direct fields.
type members struct {
	methods, fields map[string]bool
	embeds          bool // a struct that embeds: selectors may be promoted
}

// refsOf collects the names nodes mention. A selector whose operand is an
// import name names the import, unless the nodes declare a variable of
// that name (then it is both). A selector names a method only where it can
// be one: not as the operand of another selector, an index, a dereference,
// an address, an assignment or a type assertion (x.f.M(), x.f[i], x.f =
// v are fields). On the receiver, it names the receiver type's own method
// (methodRefs) or, when the type declares neither a method nor a field of
// that name, any method of that name (it may be promoted).
func (fs *fileScope) refsOf(recv recvScope, nodes ...ast.Node) refs {
	r := refs{idents: map[string]bool{}, sels: map[string]bool{}, methodRefs: map[string]bool{}, assigns: map[string]bool{}, imports: map[string]bool{}, qual: map[string]map[string]bool{}, ifaceImports: map[string]bool{}}
	shadowed := map[string]bool{}
	field := map[*ast.SelectorExpr]bool{}
	markField := func(e ast.Expr) {
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			field[sel] = true
		}
	}
	declares := func(id *ast.Ident) {
		if fs.imports[id.Name] != "" || id.Name == recv.name {
			shadowed[id.Name] = true
		}
	}
	var assigned func(e ast.Expr)
	assigned = func(e ast.Expr) {
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			if e.Name != "_" {
				r.assigns[e.Name] = true
			}
		case *ast.SelectorExpr:
			field[e] = true
			assigned(e.X)
		case *ast.IndexExpr:
			assigned(e.X)
		case *ast.StarExpr:
			assigned(e.X)
		}
	}
	for _, n := range nodes {
		if n == nil || isNilNode(n) {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok && n.Tok == token.DEFINE {
						declares(id)
					}
					assigned(l)
				}
			case *ast.IncDecStmt:
				assigned(n.X)
			case *ast.RangeStmt:
				if n.Key != nil {
					assigned(n.Key)
				}
				if n.Value != nil {
					assigned(n.Value)
				}
				if id, ok := n.Key.(*ast.Ident); ok && n.Tok == token.DEFINE {
					declares(id)
				}
				if id, ok := n.Value.(*ast.Ident); ok && n.Tok == token.DEFINE {
					declares(id)
				}
			case *ast.Field:
				for _, id := range n.Names {
					declares(id)
				}
			case *ast.ValueSpec:
				for _, id := range n.Names {
					declares(id)
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					assigned(n.X) // its address: it may be written through
				}
			case *ast.SelectorExpr:
				markField(n.X)
			case *ast.IndexExpr:
				markField(n.X)
			case *ast.IndexListExpr:
				markField(n.X)
			case *ast.StarExpr:
				markField(n.X)
			case *ast.SliceExpr:
				markField(n.X)
			case *ast.TypeAssertExpr:
				markField(n.X)
			}
			return true
		})
	}
	var visit func(ast.Node) bool
	visit = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			x, _ := ast.Unparen(n.X).(*ast.Ident)
			if x != nil {
				if path, ok := fs.imports[x.Name]; ok {
					r.imports[path] = true
					if r.qual[path] == nil {
						r.qual[path] = map[string]bool{}
					}
					r.qual[path][n.Sel.Name] = true
					if !shadowed[x.Name] {
						return false
					}
				}
			}
			switch {
			case field[n]:
			case x != nil && x.Name == recv.name && !shadowed[x.Name] && recv.members != nil:
				switch {
				case recv.members.methods[n.Sel.Name]:
					r.methodRefs[recv.typ+"."+n.Sel.Name] = true
				case recv.members.fields[n.Sel.Name]: // a direct field hides promoted names
				default:
					r.sels[n.Sel.Name] = true
				}
			default:
				r.sels[n.Sel.Name] = true
			}
			ast.Inspect(n.X, visit) // not n.Sel: a selected name is no identifier of the package
			return false
		case *ast.Ident:
			if n.Name != "_" {
				r.idents[n.Name] = true
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING && sdk.MayMentionCredentialVars([]byte(n.Value)) {
				r.envLit = true
			}
			if n.Kind == token.STRING && mayBeExpiryText(n.Value) {
				r.expiryLit = true
			}
		}
		return true
	}
	for _, n := range nodes {
		if n != nil && !isNilNode(n) {
			ast.Inspect(n, visit)
		}
	}
	for _, n := range nodes {
		if n == nil || isNilNode(n) {
			continue
		}
		ast.Inspect(n, func(n ast.Node) bool {
			it, ok := n.(*ast.InterfaceType)
			if !ok || it.Methods == nil || len(it.Methods.List) == 0 {
				return true
			}
			ast.Inspect(it, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && fs.imports[x.Name] != "" {
						r.ifaceImports[fs.imports[x.Name]] = true
					}
				}
				return true
			})
			return false
		})
	}
	return r
}

// membersOf returns, for each type declared in files, its methods and
// direct fields.
func membersOf(files []*ast.File) map[string]*members {
	out := map[string]*members{}
	get := func(name string) *members {
		m := out[name]
		if m == nil {
			m = &members{methods: map[string]bool{}, fields: map[string]bool{}}
			out[name] = m
		}
		return m
	}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if name := recvTypeName(d); name != "" {
					get(name).methods[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					ts, ok := s.(*ast.TypeSpec)
					if !ok {
						continue
					}
					m := get(ts.Name.Name)
					st, ok := ast.Unparen(ts.Type).(*ast.StructType)
					if !ok {
						m.embeds = true // methods of another type's may be promoted
						continue
					}
					for _, fl := range st.Fields.List {
						if len(fl.Names) == 0 {
							m.embeds = true
						}
						for _, id := range fl.Names {
							m.fields[id.Name] = true
						}
					}
				}
			}
		}
	}
	return out
}

// isNilNode reports whether n is a typed nil (a FuncDecl's absent Recv).
func isNilNode(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.FieldList:
		return n == nil
	case *ast.BlockStmt:
		return n == nil
	case *ast.FuncType:
		return n == nil
	}
	return false
}

// prunable returns the source-set packages that were not requested (roots
// and their test variants are the metadata's roots; a package whose test
// variant is a root counts as requested, whether or not it is one: the
// variant may stand in for it, or fail to), and the import paths of the
// source set.
func prunable(roots []*packages.Package, source map[string]bool) (ids, paths map[string]bool) {
	requested := map[string]bool{}
	for _, r := range roots {
		requested[r.ID] = true
		if id, _, variant := strings.Cut(r.ID, " ["); variant {
			requested[id] = true
		}
	}
	ids, paths = map[string]bool{}, map[string]bool{}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if source[p.ID] {
			paths[p.PkgPath] = true
			if !requested[p.ID] {
				ids[p.ID] = true
			}
		}
	})
	return ids, paths
}

// prune removes the bodies of a prunable package's functions that cannot
// carry a fact, once its imports are loaded.
func (l *loader) prune(meta *packages.Package, files []*ast.File) pruned {
	if len(meta.CompiledGoFiles) == 0 {
		return pruned{}
	}
	if pf, ok := l.takeParsed(meta.ID); ok && pf.graph != nil && sameFiles(pf.files, files) {
		// Decided factful (factful.go): its carriers, by the finer
		// questions of the decision, on the same syntax.
		return pruneGraph(pf.graph)
	}
	cfgPaths, cfgNames, ok := configuredNames(filepath.Dir(meta.CompiledGoFiles[0]), meta.PkgPath)
	if !ok {
		return pruned{}
	}
	errorIface := types.Universe.Lookup("error").Type().Underlying().(*types.Interface)
	return pruneBodies(files, factScope{
		interesting: func(path string) bool {
			return sdk.IsSDKPath(path) || l.sourcePaths[path] || cfgPaths[path]
		},
		importName: func(path string) string {
			if imp := meta.Imports[path]; imp != nil {
				return imp.Name
			}
			return ""
		},
		errorType: func(path, name string) (bool, bool) {
			pkg := l.imported(meta, path)
			if pkg == nil {
				return false, false
			}
			tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				return false, false
			}
			t := tn.Type()
			if types.Implements(t, errorIface) {
				return true, true
			}
			if _, isIface := t.Underlying().(*types.Interface); !isIface && types.Implements(types.NewPointer(t), errorIface) {
				return true, true
			}
			return false, true
		},
		configured: cfgNames,
	})
}

// imported returns the types of meta's import path, as the type checker
// will see them, or nil.
func (l *loader) imported(meta *packages.Package, path string) *types.Package {
	imp := meta.Imports[path]
	if imp == nil {
		return nil
	}
	if dep := l.loaded[imp.ID]; dep != nil {
		if dep.pkg == nil {
			return nil
		}
		return dep.pkg.Types
	}
	pkg, err := l.exports.load(imp.PkgPath)
	if err != nil {
		return nil
	}
	return pkg
}

// causedBy reports whether a type error is go/types' "imported and not
// used" for an import that only removed bodies may have used (it reports
// it at the import specification; the message names the package's path,
// which differs from the import path of a vendored package).
func (c pruned) causedBy(te types.Error) bool {
	return c.bodies > 0 && te.Soft && c.imports[te.Pos] && strings.Contains(te.Msg, " and not used")
}

// sameFiles reports whether two lists hold the same files.
func sameFiles(a, b []*ast.File) bool {
	return slices.Equal(a, b)
}
