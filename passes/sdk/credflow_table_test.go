package sdk

import (
	"go/types"
	"os"
	"sort"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/internal/fixtures"
)

// TestCredflowTablesMatchRealSDKs checks the credential-flow tables (the
// ones passes/credflow reads) against the real SDK packages, like
// TestTableMatchesRealSDKs does for the others.
func TestCredflowTablesMatchRealSDKs(t *testing.T) {
	if err := fixtures.Setup(); err != nil {
		t.Fatal(err)
	}
	syms := map[Symbol]string{}
	for k := range credFields {
		syms[k] = "field"
	}
	for k := range endpointFields {
		syms[k] = "field"
	}
	for k := range credSetters {
		syms[k] = "func"
	}
	for k := range endpointSetters {
		syms[k] = "func"
	}
	for k := range credValueTypes {
		syms[k] = "type"
	}
	for k := range credProviderTypes {
		syms[k] = "type"
	}
	for k := range credEnvVars {
		if k.Name[:3] == "New" {
			syms[k] = "func"
		} else {
			syms[k] = "type"
		}
	}
	for k := range stringPointerHelpers {
		syms[k] = "func"
	}
	syms[CredentialsProviderFunc] = "type"

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
