package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/config"
)

// configJSON returns the configuration New handed to the analyzers.
func configJSON(t *testing.T) string {
	t.Helper()
	return config.Analyzer.Flags.Lookup("config-json").Value.String()
}

func reset(t *testing.T) {
	t.Cleanup(func() {
		config.Analyzer.Flags.Set("config-json", "")
		config.Analyzer.Flags.Set("related", "true")
	})
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0] != analyzers.Analyzer {
		t.Errorf("BuildAnalyzers() = %v, %v; want the root analyzer", as, err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
}

func TestSettings(t *testing.T) {
	reset(t)
	// What golangci-lint passes: YAML decoded by viper, keys lowercased.
	settings := map[string]any{
		"disable":       []any{"presignttl"},
		"include-tests": true,
		"noretry":       map[string]any{"min-attempts": 3},
		"presignttl":    map[string]any{"presign-max": "15m"},
		"expiryerr":     map[string]any{"classifiers": []any{"example.com/awsx.IsExpired"}},
	}
	if _, err := New(settings); err != nil {
		t.Fatal(err)
	}
	got, err := config.ParseJSON([]byte(configJSON(t)))
	if err != nil {
		t.Fatal(err)
	}
	if !got.IncludeTests || got.Noretry.MinAttempts != 3 || got.Enabled("presignttl") ||
		got.Presignttl.PresignMax.Minutes() != 15 || len(got.Expiryerr.Classifiers) != 1 {
		t.Errorf("config %+v does not match the settings", got)
	}
}

func TestNoSettingsUsesFiles(t *testing.T) {
	reset(t)
	for _, s := range []any{nil, map[string]any{}} {
		if _, err := New(s); err != nil {
			t.Fatal(err)
		}
		if got := configJSON(t); got != "" {
			t.Errorf("New(%v) set -config-json %q; want .credlint.toml files to apply", s, got)
		}
	}
}

func TestBadSettings(t *testing.T) {
	reset(t)
	for _, tc := range []struct {
		settings map[string]any
		want     string
	}{
		{map[string]any{"bogus": 1}, `credlint settings: decoding settings: json: unknown field "bogus" (known keys: enable, disable,`},
		{map[string]any{"noretry": map[string]any{"min-atempts": 1}}, `unknown field "min-atempts"`},
		{map[string]any{"enable": []any{"noretyr"}}, `credlint settings: enable: unknown rule "noretyr"`},
		{map[string]any{"noretry": map[string]any{"min-attempts": "two"}}, `min-attempts`},
		{map[string]any{"presignttl": map[string]any{"presign-max": "soon"}}, `not a duration`},
	} {
		_, err := New(tc.settings)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%v) = %v; want an error containing %q", tc.settings, err, tc.want)
		}
	}
}

// TestNoRelatedPositions: under golangci-lint, which makes every related
// position an issue of its own, findings carry no related positions.
func TestNoRelatedPositions(t *testing.T) {
	reset(t)
	if _, err := New(nil); err != nil {
		t.Fatal(err)
	}
	if config.Related() {
		t.Error("after New, findings still carry related positions")
	}
}
