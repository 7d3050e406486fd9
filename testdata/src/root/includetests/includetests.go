// Package includetests reports in _test.go files (include-tests = true).
package includetests
