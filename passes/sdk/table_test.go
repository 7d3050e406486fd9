package sdk

import (
	"go/types"
	"os"
	"sort"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/internal/fixtures"
)

// TestTableMatchesRealSDKs loads the real SDK packages pinned by the
// fixture module and checks that every symbol in every table exists there
// with the right kind: a typo or an SDK rename fails here, not silently in
// a rule.
func TestTableMatchesRealSDKs(t *testing.T) {
	if err := fixtures.Setup(); err != nil {
		t.Fatal(err)
	}
	syms := map[Symbol]string{}
	add := func(kind string, keys ...Symbol) {
		for _, k := range keys {
			syms[k] = kind
		}
	}
	for k := range clientTypes {
		add("type", k)
	}
	for k := range constructors {
		add("func", k)
	}
	for k := range credConstructors {
		add("func", k)
	}
	for k := range credTypes {
		add("type", k)
	}
	for k := range credVars {
		add("var", k)
	}
	for k := range snapshotMethods {
		add("method", k)
	}
	for k := range fieldKnobs {
		add("field", k)
	}
	for k := range funcKnobs {
		add("func", k)
	}
	for k := range varKnobs {
		add("var", k)
	}
	for k := range noRetryerTypes {
		add("type", k)
	}
	for k := range retryerSetters {
		add("func", k)
	}
	for k := range retryerFields {
		add("field", k)
	}
	for k := range operationReceivers {
		add("type", k)
	}
	for k := range headOperations {
		add("method", k)
	}
	add("method", RequestSend)
	for k, f := range errorStreams {
		add("method", k)
		add("field", f)
	}
	for k := range errorTypes {
		add("type", k)
	}
	for k := range classifierFuncs {
		add("func", k)
	}
	for k, p := range presignExpiries {
		if p.Arg < 0 {
			add("field", k)
		} else {
			add("func", k)
		}
	}
	add("func", NewPresignClient)
	for k := range intPointerHelpers {
		add("func", k)
	}

	checkSymbols(t, syms)
}

// checkSymbols loads the packages of syms from the fixture module (the
// pinned real SDKs) and checks that each symbol exists with its kind
// ("func", "type", "var", "field", "method").
func checkSymbols(t *testing.T, syms map[Symbol]string) {
	t.Helper()
	paths := map[string]bool{}
	for s := range syms {
		paths[s.Path] = true
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes,
		Dir:  fixtures.Dir(),
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Errorf("%s: %v", p.PkgPath, p.Errors)
		}
		byPath[p.PkgPath] = p.Types
	}
	for s, kind := range syms {
		pkg := byPath[s.Path]
		if pkg == nil {
			t.Errorf("%s: package not loaded", s.Path)
			continue
		}
		if err := check(pkg, s, kind); err != "" {
			t.Errorf("%v (%s): %s", s, kind, err)
		}
	}
}

func check(pkg *types.Package, s Symbol, kind string) string {
	if s.Recv == "" {
		obj := pkg.Scope().Lookup(s.Name)
		switch {
		case obj == nil:
			return "not found"
		case kind == "func" && !isFunc(obj), kind == "type" && !isType(obj), kind == "var" && !isVar(obj):
			return "wrong kind of object: " + obj.String()
		}
		return ""
	}
	tn, _ := pkg.Scope().Lookup(s.Recv).(*types.TypeName)
	if tn == nil {
		return "receiver type not found"
	}
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, pkg, s.Name)
	if types.IsInterface(tn.Type()) {
		obj, _, _ = types.LookupFieldOrMethod(tn.Type(), true, pkg, s.Name)
	}
	switch {
	case obj == nil:
		return "member not found"
	case kind == "field" && !isVar(obj), (kind == "method" || kind == "func") && !isFunc(obj):
		return "wrong kind of member: " + obj.String()
	}
	return ""
}

func isFunc(o types.Object) bool { _, ok := o.(*types.Func); return ok }
func isType(o types.Object) bool { _, ok := o.(*types.TypeName); return ok }
func isVar(o types.Object) bool  { _, ok := o.(*types.Var); return ok }
