// Package tests has a finding in a _test.go file only, not reported by default.
package tests
