package sdk

import (
	"go/types"
	"sort"
	"testing"
)

// tableSymbols lists, per file of this package, a function that returns
// the symbols of its tables with their kinds ("func", "type", "var",
// "field", "method"); each lives in the file's own _test.go.
var tableSymbols = map[string]func() map[Symbol]string{
	"clients":     clientSymbols,
	"credentials": credentialSymbols,
	"retry":       retrySymbols,
	"errors":      errorSymbols,
	"presign":     presignSymbols,
	"escape":      escapeSymbols,
	"body":        bodySymbols,
	"providers":   providerSymbols,
}

// TestTablesMatchRealSDKs loads the real SDK packages pinned by the
// fixture module and checks that every symbol in every table exists there
// with the right kind: a typo or an SDK rename fails here, not silently in
// a rule.
func TestTablesMatchRealSDKs(t *testing.T) {
	all := map[string]map[Symbol]string{}
	paths := map[string]bool{}
	for name, f := range tableSymbols {
		all[name] = f()
		for s := range all[name] {
			paths[s.Path] = true
		}
	}
	var patterns []string
	for p := range paths {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	byPath := loadTypes(t, patterns...)
	for name, syms := range all {
		t.Run(name, func(t *testing.T) {
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
		})
	}
}

// keys returns the keys of a table.
func keys[V any](table map[Symbol]V) []Symbol {
	var out []Symbol
	for k := range table {
		out = append(out, k)
	}
	return out
}

// add records symbols of kind.
func add(syms map[Symbol]string, kind string, lists ...[]Symbol) {
	for _, l := range lists {
		for _, k := range l {
			syms[k] = kind
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
