package sdk

import (
	"testing"

	"github.com/credlint/credlint/internal/fixtures"
)

// TestEscapeTablesMatchRealSDKs checks the tables of escape.go against
// the real SDK packages.
func TestEscapeTablesMatchRealSDKs(t *testing.T) {
	if err := fixtures.Setup(); err != nil {
		t.Fatal(err)
	}
	syms := map[Symbol]string{}
	for k := range stsCredTypes {
		syms[k] = "type"
		for _, f := range STSKeyFields {
			syms[Symbol{k.Path, k.Name, f}] = "field"
		}
	}
	for k := range signers {
		if k.Recv == "" {
			syms[k] = "func"
		} else {
			syms[k] = "method"
		}
	}
	for k := range envSliceFields {
		syms[k] = "field"
	}
	for k := range envPairTypes {
		syms[k] = "type"
		syms[Symbol{k.Path, k.Name, "Name"}] = "field"
		syms[Symbol{k.Path, k.Name, "Value"}] = "field"
	}
	syms[FmtSprintf] = "func"
	for k := range configMerges {
		syms[k] = "method"
	}
	for k := range presignMethods {
		syms[k] = "method"
	}
	for k := range baseKeyFields {
		syms[k] = "field"
	}
	checkSymbols(t, syms)
}
