// Package nosdk reaches no SDK: credlint does no work here, so even a
// stray ignore comment is not reported.
package nosdk

// Options looks like an SDK struct but is not one.
type Options struct{ RetryMaxAttempts int }

//credlint:ignore noretry nothing here
var _ = Options{RetryMaxAttempts: 1}
