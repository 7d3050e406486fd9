package sdk

import (
	"testing"

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
	for k := range credValueFields {
		syms[k] = "field"
	}
	for k := range stringPointerHelpers {
		syms[k] = "func"
	}
	syms[CredentialsProviderFunc] = "type"

	checkSymbols(t, syms)
}
