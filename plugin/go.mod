module github.com/credlint/credlint/plugin

go 1.26.0

require (
	github.com/credlint/credlint v0.0.0
	github.com/golangci/plugin-module-register v0.1.2
	golang.org/x/tools v0.52.0
)

require github.com/BurntSushi/toml v1.6.0 // indirect

// The replace directive applies only where this module is the main module
// (its own tests, the integration test's build). Before tagging
// plugin/vX.Y.Z, require a tagged release of github.com/credlint/credlint:
// `golangci-lint custom` fetches this module with `go get`, which ignores
// replace directives of dependencies.
replace github.com/credlint/credlint => ../
