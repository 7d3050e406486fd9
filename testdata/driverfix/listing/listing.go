// Package listing reaches the SDK only through catalog, and its API
// mentions neither: its export data lists no import that reaches an SDK.
package listing

import "example.com/driverfix/catalog"

// Names returns the names of the public entries.
//
//go:noinline
func Names() []string {
	e := catalog.Public("listing")
	return []string{e.Name}
}
