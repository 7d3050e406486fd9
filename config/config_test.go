package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	data := `
enable = ["noretry", "staticcreds"]
disable = ["expiryerr"]
exclude = ["internal/legacy/**", "*_gen.go"]
include-tests = true

[staticcreds]
allow-configured-keys = true
constructors = ["example.com/awsx.Keys", "example.com/awsx.Vault.Keys"]

[globalclient]
strict = true

[noretry]
min-attempts = 3

[expiryerr]
classifiers = ["example.com/errs.IsExpired"]

[presignttl]
presign-max = "15m"
`
	got, err := Parse("x.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := &Config{
		Enable:       []string{"noretry", "staticcreds"},
		Disable:      []string{"expiryerr"},
		Exclude:      []string{"internal/legacy/**", "*_gen.go"},
		IncludeTests: true,
		Staticcreds:  Staticcreds{AllowConfiguredKeys: true, Constructors: []string{"example.com/awsx.Keys", "example.com/awsx.Vault.Keys"}},
		Globalclient: Globalclient{Strict: true},
		Noretry:      Noretry{MinAttempts: 3},
		Expiryerr:    Expiryerr{Classifiers: []string{"example.com/errs.IsExpired"}},
		Presignttl:   Presignttl{PresignMax: Duration{15 * time.Minute}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
	if !got.Enabled("noretry") || got.Enabled("expiryerr") || got.Enabled("globalclient") {
		t.Errorf("Enabled wrong for %v / %v", got.Enable, got.Disable)
	}
}

func TestDefaults(t *testing.T) {
	c := Default()
	if c.Noretry.MinAttempts != 2 || c.Presignttl.PresignMax.Duration != time.Hour {
		t.Errorf("defaults: %+v", c)
	}
	for _, r := range Rules {
		if !c.Enabled(r) {
			t.Errorf("rule %s not enabled by default", r)
		}
	}
}

// TestErrors checks that every configuration error names the file, the
// line and the key.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name, data, want string
	}{
		{"typo top-level", "enable = [\"noretry\"]\ninclude-test = true\n", `x.toml:2: unknown key "include-test"`},
		{"typo in table", "[noretry]\nmin-attempts = 2\n\n[globalclient]\nstrickt = true\n", `x.toml:5: unknown key "globalclient.strickt" (known keys: strict, constructors)`},
		{"unknown table", "[nosuch]\nx = 1\n", `x.toml:1: unknown key "nosuch"`},
		{"unknown rule", "\n\ndisable = [\"noretyr\"]\n", `x.toml:3: disable: unknown rule "noretyr"`},
		{"wrong type", "[noretry]\nmin-attempts = \"two\"\n", `x.toml:2: noretry.min-attempts: incompatible types`},
		{"bad duration", "[presignttl]\npresign-max = \"soon\"\n", `x.toml:2: presignttl.presign-max: not a duration`},
		{"negative", "[noretry]\nmin-attempts = -1\n", `x.toml:2: noretry.min-attempts: must not be negative`},
		{"bad func name", "[expiryerr]\nclassifiers = [\"IsExpired\"]\n", `x.toml:2: expiryerr.classifiers: "IsExpired" is not a function name`},
		{"syntax", "enable = [\n", `x.toml:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.toml", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestParseJSON(t *testing.T) {
	c, err := ParseJSON([]byte(`{"disable":["expiryerr"],"noretry":{"min-attempts":4}}`))
	if err != nil {
		t.Fatal(err)
	}
	if c.Enabled("expiryerr") || c.Noretry.MinAttempts != 4 || c.Presignttl.PresignMax.Duration != time.Hour {
		t.Errorf("ParseJSON = %+v", c)
	}
	if _, err := ParseJSON([]byte(`{"strickt":true}`)); err == nil || !strings.Contains(err.Error(), `unknown field "strickt"`) {
		t.Errorf("unknown JSON key: err = %v", err)
	}
	if _, err := ParseJSON([]byte(`{"enable":["nope"]}`)); err == nil || !strings.Contains(err.Error(), `unknown rule "nope"`) {
		t.Errorf("unknown rule in JSON: err = %v", err)
	}
}

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != "" && !strings.HasPrefix(root, filepath.Dir(got)) {
		t.Fatalf("Find found %s outside the tree", got)
	}
	cfgPath := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(cfgPath, []byte("exclude = [\"b/gen/**\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(deep); got != cfgPath {
		t.Fatalf("Find(%s) = %s, want %s", deep, got, cfgPath)
	}
	c, err := Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]bool{
		filepath.Join(root, "a", "b", "gen", "x", "y.go"): true,
		filepath.Join(root, "a", "b", "main.go"):          false,
	} {
		if got := c.Excluded(file); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", file, got, want)
		}
	}
	if _, err := Load(filepath.Join(root, "missing.toml")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
}

func TestGlob(t *testing.T) {
	for _, tc := range []struct {
		glob, name string
		want       bool
	}{
		{"**/*.go", "a/b/c.go", true},
		{"internal/**", "internal/x/y.go", true},
		{"internal/**", "cmd/x.go", false},
		{"*_gen.go", "pkg/z_gen.go", true},
		{"pkg/*.go", "pkg/sub/a.go", false},
		{"pkg/**/a.go", "pkg/a.go", true},
	} {
		if got := globMatch(tc.glob, tc.name); got != tc.want {
			t.Errorf("globMatch(%q, %q) = %v, want %v", tc.glob, tc.name, got, tc.want)
		}
	}
}

func TestSplitFuncName(t *testing.T) {
	p, r, n, err := SplitFuncName("github.com/x/y.T.M")
	if err != nil || p != "github.com/x/y" || r != "T" || n != "M" {
		t.Errorf("got %q %q %q %v", p, r, n, err)
	}
	p, r, n, err = SplitFuncName("example.com/errs.IsExpired")
	if err != nil || p != "example.com/errs" || r != "" || n != "IsExpired" {
		t.Errorf("got %q %q %q %v", p, r, n, err)
	}
}
