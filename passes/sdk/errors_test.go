package sdk

import (
	"slices"
	"testing"
)

// errorSymbols are the symbols of errors.go's tables: operations, error
// streams and error classifiers.
func errorSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	add(syms, "type", keys(operationReceivers))
	add(syms, "method", keys(headOperations))
	syms[RequestSend] = "method"
	for k, f := range errorStreams {
		syms[k] = "method"
		syms[f] = "field"
	}
	add(syms, "type", keys(errorTypes))
	add(syms, "func", keys(classifierFuncs))
	return syms
}

// TestExpiryTextIsCoveredByItsParts: every expiry code and every text
// ExpiryText accepts is a text MayBePartOfExpiryText accepts, so a driver
// that skips code without such a text never skips an expiry classifier
// (internal/driver's pruning relies on it).
func TestExpiryTextIsCoveredByItsParts(t *testing.T) {
	texts := append(slices.Clone(ExpiryCodes),
		"The provided token has expired.", "security token is expired", "ExpiredTokenException: x",
		"RequestExpired", "expiredtoken")
	for _, s := range texts {
		if ExpiryText(s) && !MayBePartOfExpiryText(s) {
			t.Errorf("ExpiryText(%q) but not MayBePartOfExpiryText", s)
		}
	}
	for _, code := range ExpiryCodes {
		if !ExpiryText(code) {
			t.Errorf("expiry code %q is not an expiry text", code)
		}
	}
	for _, s := range []string{"AccessDenied", "token", "key %s expired at %v"} {
		if MayBePartOfExpiryText(s) {
			t.Errorf("MayBePartOfExpiryText(%q)", s)
		}
	}
}
