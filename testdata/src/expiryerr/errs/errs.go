// Package errs stands in for github.com/pkg/errors: Cause unwraps.
package errs

import "errors"

// Cause returns the innermost error of a chain.
func Cause(err error) error {
	for {
		u := errors.Unwrap(err)
		if u == nil {
			return err
		}
		err = u
	}
}
