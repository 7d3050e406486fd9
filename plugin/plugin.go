// Package plugin registers credlint as a golangci-lint v2 module plugin.
//
// It is a package of credlint's module (as go.uber.org/nilaway's
// cmd/gclplugin is of nilaway's), so that `golangci-lint custom` builds it
// from a checkout (path:) or a release (version:) with no replace
// directive to write; the credlint command does not import it. Build a
// golangci-lint that includes it with `golangci-lint custom` and a
// .custom-gcl.yml:
//
//	version: v2.15.0
//	plugins:
//	  - module: github.com/credlint/credlint
//	    import: github.com/credlint/credlint/plugin
//	    path: ../credlint     # a checkout; or version: vX.Y.Z
//
// and enable it in .golangci.yml (v2):
//
//	linters:
//	  enable: [credlint]
//	  settings:
//	    custom:
//	      credlint:
//	        type: module
//	        settings:
//	          disable: [presignttl]
//	          noretry:
//	            min-attempts: 2
//
// The settings are the .credlint.toml schema (lowercase kebab-case keys,
// lists, never maps: golangci-lint lowercases every key). Unknown keys,
// unknown rule names and values of the wrong type stop golangci-lint with
// an error that names them. Without settings, each package's nearest
// .credlint.toml applies, as with the credlint command.
package plugin

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/config"
)

// Name is the plugin's name: the key under linters.settings.custom in
// .golangci.yml and the name in //nolint:credlint.
const Name = "credlint"

func init() { register.Plugin(Name, New) }

// Plugin is credlint as a golangci-lint module plugin.
type Plugin struct{}

// New decodes and validates the settings golangci-lint passes from
// linters.settings.custom.credlint.settings and makes them the
// configuration of every package.
func New(settings any) (register.LinterPlugin, error) {
	// golangci-lint turns every related position of a diagnostic into an
	// issue of its own ("credlint(related information): ..."), placed on
	// the finding's line when it is in another file, where its
	// one-issue-per-line filter may then keep it instead of the finding.
	// The provenance stays in the message.
	if err := analyzers.Analyzer.Flags.Set("related", "false"); err != nil {
		return nil, fmt.Errorf("credlint: %w", err)
	}
	if isEmpty(settings) {
		return Plugin{}, nil
	}
	cfg, err := register.DecodeSettings[config.Config](settings)
	if err != nil {
		return nil, fmt.Errorf("credlint settings: %w (known keys: %s)", err, config.KnownKeys(""))
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("credlint settings: %w", err)
	}
	data, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("credlint settings: %w", err)
	}
	if err := config.SetJSON(data); err != nil {
		return nil, err
	}
	return Plugin{}, nil
}

// BuildAnalyzers returns credlint's root analyzer; its rules run as its
// requirements and only it reports.
func (Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{analyzers.Analyzer}, nil
}

// GetLoadMode asks for type information: the rules resolve SDK symbols by
// their types.Object.
func (Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }

// isEmpty reports whether golangci-lint passed no settings at all.
func isEmpty(settings any) bool {
	if settings == nil {
		return true
	}
	v := reflect.ValueOf(settings)
	return v.Kind() == reflect.Map && v.Len() == 0
}
