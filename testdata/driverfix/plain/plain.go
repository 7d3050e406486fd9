// Package plain reaches the SDK only through listing and catalog, which
// leave the source set: sdk.Analyzer must still find that it reaches one.
package plain

import (
	"os"
	"strings"

	"example.com/driverfix/listing"
)

// Entry are the names of the public entries.
var Entry = listing.Names()

// Login sets the environment's credentials from a literal.
func Login() {
	os.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
	os.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
}

// IsExpired matches an expired token by the error's text: with plain
// analyzed as reaching an SDK, expiryerr exports that it classifies.
func IsExpired(err error) bool { return strings.Contains(err.Error(), "ExpiredToken") }
