package sdk

import (
	"testing"

	"github.com/credlint/credlint/internal/fixtures"
)

// TestBodyTablesMatchRealSDKs checks the request-body tables of body.go
// against the pinned SDKs and the standard library.
func TestBodyTablesMatchRealSDKs(t *testing.T) {
	if err := fixtures.Setup(); err != nil {
		t.Fatal(err)
	}
	syms := map[Symbol]string{}
	for k := range requestBodyFields {
		syms[k] = "field"
	}
	for k := range nonSeekingReaders {
		syms[k] = "func"
	}
	checkSymbols(t, syms)
}
