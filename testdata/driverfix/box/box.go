// Package box names no SDK package: it embeds wrap's Uploader, a name
// that leads to a fact, so it stays in the source set.
package box

import "example.com/driverfix/wrap"

// Box embeds wrap's uploader.
type Box struct{ *wrap.Uploader }

// New returns a box around wrap.New's client.
func New() *Box { return &Box{wrap.New()} }
