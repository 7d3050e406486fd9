// Package integration holds credlint's end-to-end tests: each way users
// install and run it, with the real tool — go vet -vettool; golangci-lint
// v2.15.0 with the module plugin compiled in, built as `golangci-lint
// custom` builds it from a fresh clone of this repository (path:) and from
// a module proxy (version:); pre-commit (Debian's); SARIF output validated
// against the SARIF 2.1.0 schema; -fix; a snapshot release build
// (release/); and the GitHub Action's run step (action/run.sh).
//
// They are slow (the golangci-lint build takes minutes on a cold cache, the
// release build six cross-compilations) and need git and pre-commit, so
// they run only with CREDLINT_INTEGRATION=1 (.ci/run sets it); otherwise
// each test skips.
package integration
