package config

import (
	"flag"
	"path/filepath"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/passes/sdk"
)

var (
	flagFile string
	flagJSON string
	// flagRelated: report each step of a finding's provenance as a related
	// position (golangci-lint turns every related position into an issue
	// of its own, on the finding's line when it is in another file: the
	// plugin turns them off).
	flagRelated = true
)

// newFlags returns credlint's command-line flags. The root analyzer shares
// them (a copied FlagSet shares its flags), so they appear on every driver.
// Their names clash with no driver flag (test, tags, v, json, fix, c, ...).
func newFlags() flag.FlagSet {
	var fs flag.FlagSet
	fs.StringVar(&flagFile, "config", "", "path of a .credlint.toml to use for every package (default: the nearest .credlint.toml above each package's files)")
	fs.StringVar(&flagJSON, "config-json", "", "configuration as JSON, same schema as .credlint.toml (used by the golangci-lint plugin)")
	fs.BoolVar(&flagRelated, "related", true, "report where the credentials of a finding come from as related positions (SARIF relatedLocations, -json related)")
	return fs
}

// Related reports whether findings carry their provenance steps as related
// positions (the -related flag).
func Related() bool { return flagRelated }

// SetJSON sets the configuration every package gets, as JSON. It is how a
// driver that builds the analyzer in-process (the golangci-lint plugin)
// passes its settings; it is the -config-json flag.
func SetJSON(data []byte) error {
	if _, err := ParseJSON(data); err != nil {
		return err
	}
	return Analyzer.Flags.Set("config-json", string(data))
}

// Analyzer hands each package its configuration: -config-json, else
// -config, else the nearest .credlint.toml above the package's files, else
// Default(). Packages that cannot reach an SDK (the standard library, most
// dependencies) get Default() without a look at the file system, unless
// they mention AWS credential variables (sdk.Reach.EnvOnly). A configuration that does not parse fails the analysis with an
// error naming the file, line and key.
var Analyzer = &analysis.Analyzer{
	Name:             "credlintconfig",
	Doc:              "loads credlint's configuration for a package",
	Flags:            newFlags(),
	Run:              run,
	Requires:         []*analysis.Analyzer{sdk.Analyzer},
	ResultType:       reflect.TypeFor[*Config](),
	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	if r := pass.ResultOf[sdk.Analyzer].(*sdk.Reach); !r.Relevant() && !r.EnvOnly() {
		return Default(), nil
	}
	c, err := load(pass)
	if err != nil {
		// Not an error of this analyzer: drivers such as go vet print only
		// the root analyzer's errors ("failed prerequisites" otherwise).
		// The root analyzer returns LoadErr; rules see the defaults.
		c = Default()
		c.LoadErr = err
	}
	return c, nil
}

func load(pass *analysis.Pass) (*Config, error) {
	for _, f := range pass.Files {
		return ForDir(filepath.Dir(pass.Fset.File(f.Pos()).Name()))
	}
	return ForDir("")
}

// ForDir returns the configuration the Analyzer gives a relevant package
// whose files are in dir: -config-json, else -config, else the nearest
// .credlint.toml above dir ("": none), else Default(). Drivers use it to
// know, before type-checking a package, which functions of the user's own
// its configuration names.
func ForDir(dir string) (*Config, error) {
	switch {
	case flagJSON != "":
		return ParseJSON([]byte(flagJSON))
	case flagFile != "":
		return Load(flagFile)
	}
	if dir != "" {
		if p := Find(dir); p != "" {
			return Load(p)
		}
	}
	return Default(), nil
}
