// Package integration holds credlint's end-to-end tests: each way users run
// it, with the real tool — go vet -vettool, a golangci-lint v2.15.0 binary
// with the module plugin compiled in, pre-commit (Debian's), SARIF output
// validated against the SARIF 2.1.0 schema, and -fix.
//
// They are slow (the golangci-lint build takes minutes on a cold cache) and
// need pre-commit, so they run only with CREDLINT_INTEGRATION=1 (.ci/run
// sets it); otherwise each test skips.
package integration
