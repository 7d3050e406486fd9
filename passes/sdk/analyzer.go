package sdk

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/defuse"
)

// Reach says how a package relates to the SDKs.
type Reach struct {
	// SDKs is true when the package imports, directly or transitively, a
	// package of one of the modelled SDKs. Rules do no work otherwise.
	SDKs bool
	// Own is true when the package is part of an SDK itself; credlint does
	// not report inside the SDKs.
	Own bool
	// Env is true when a package that cannot reach an SDK mentions AWS
	// credential variables where it may set an environment (EnvOnly).
	Env bool

	files     []*ast.File
	once      sync.Once
	inspector *inspector.Inspector

	fset       *token.FileSet
	info       *types.Info
	defuseOnce sync.Once
	defuse     *defuse.Index
}

// Inspector returns an inspector over the package's files, built on first
// use and shared by every rule. Rules use it instead of requiring
// inspect.Analyzer, which would build an inspector for every package the
// driver loads (with facts, every dependency, the standard library
// included) even though rules look only at relevant packages.
func (r *Reach) Inspector() *inspector.Inspector {
	r.once.Do(func() { r.inspector = inspector.New(r.files) })
	return r.inspector
}

// DefUse returns the package's def-use index, built on first use (after
// Inspector) and shared by passes/credflow and every rule.
func (r *Reach) DefUse() *defuse.Index {
	r.defuseOnce.Do(func() { r.defuse = defuse.New(r.fset, r.info, r.Inspector()) })
	return r.defuse
}

// Relevant reports whether rules should look at the package at all.
func (r *Reach) Relevant() bool { return r.SDKs && !r.Own }

// Analyzer computes the Reach of each package: the fast path every rule
// and passes/credflow take before doing any work.
//
// Reachability is a package fact (ReachesSDK), decided from a package's
// direct imports: an import that is an SDK package or carries the fact.
// Walking types.Package.Imports() transitively is not enough: a package
// loaded from export data (go vet, golangci-lint) lists only the imports
// its exported API mentions, so "main imports store, store imports the
// SDK behind an API without SDK types" would be missed.
var Analyzer = &analysis.Analyzer{
	Name:             "credlintsdk",
	Doc:              "reports whether a package can reach aws-sdk-go-v2, aws-sdk-go or minio-go (credlint's fast path)",
	Run:              runReach,
	ResultType:       reflect.TypeFor[*Reach](),
	FactTypes:        []analysis.Fact{new(ReachesSDK)},
	RunDespiteErrors: true,
}

// ReachesSDK is the package fact that a package imports an SDK package,
// directly or transitively.
type ReachesSDK struct{}

// AFact marks ReachesSDK as a fact.
func (*ReachesSDK) AFact() {}

func (*ReachesSDK) String() string { return "reachesSDK" }

func runReach(pass *analysis.Pass) (any, error) {
	own := IsSDKPackage(pass.Pkg)
	reaches := own
	for _, imp := range pass.Pkg.Imports() {
		if reaches {
			break
		}
		reaches = IsSDKPackage(imp) || pass.ImportPackageFact(imp, new(ReachesSDK))
	}
	if !reaches {
		// Drivers without facts for dependencies (and export data that
		// lists every import) still get the transitive answer.
		reaches = Reaches(pass.Pkg)
	}
	if reaches {
		pass.ExportPackageFact(new(ReachesSDK))
	}
	return &Reach{SDKs: reaches, Own: own, Env: !reaches && mentionsCredentialVars(pass.Files), files: pass.Files, fset: pass.Fset, info: pass.TypesInfo}, nil
}

// Reaches reports whether pkg imports an SDK package, directly or
// transitively, as far as the Imports of the loaded packages tell.
func Reaches(pkg *types.Package) bool {
	seen := map[*types.Package]bool{}
	var walk func(*types.Package) bool
	walk = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		if SDKOf(PackagePath(p)) != None {
			return true
		}
		for _, imp := range p.Imports() {
			if walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}
