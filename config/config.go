// Package config is credlint's configuration: the .credlint.toml file, the
// same schema as JSON (golangci-lint plugin settings, -config-json), and an
// analyzer that hands each package the configuration that applies to it.
//
// A .credlint.toml is found by walking up from the directory of the
// analyzed package's files (not the working directory: go vet runs the tool
// elsewhere), unless -config FILE or -config-json names one explicitly.
// Unknown keys, unknown rule names and values of the wrong type are errors
// that name the file, line and key.
//
// Keys are lowercase kebab-case and every list is a list, never a map:
// golangci-lint lowercases setting keys before a plugin sees them.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// FileName is the name of the configuration file.
const FileName = ".credlint.toml"

// Rules are the names of credlint's rules, in documentation order; rule
// names in the configuration are validated against it. Package analyzers
// sets it from its rule list (analyzers.Rules) when it is initialized, so
// that a rule is listed in one place; every driver imports analyzers.
var Rules []string

// Config is credlint's whole configuration.
type Config struct {
	// Enable, when not empty, runs only the named rules.
	Enable []string `toml:"enable" json:"enable"`
	// Disable turns the named rules off.
	Disable []string `toml:"disable" json:"disable"`
	// Exclude lists path globs ("internal/legacy/**", "gen/*.go") of files
	// whose findings are dropped, relative to the configuration file.
	Exclude []string `toml:"exclude" json:"exclude"`
	// IncludeTests reports in _test.go files too.
	IncludeTests bool `toml:"include-tests" json:"include-tests"`

	Staticcreds  Staticcreds  `toml:"staticcreds" json:"staticcreds"`
	Globalclient Globalclient `toml:"globalclient" json:"globalclient"`
	Noretry      Noretry      `toml:"noretry" json:"noretry"`
	Expiryerr    Expiryerr    `toml:"expiryerr" json:"expiryerr"`
	Presignttl   Presignttl   `toml:"presignttl" json:"presignttl"`

	// File is the configuration file this came from ("" for defaults or
	// JSON), Dir the directory exclude globs are relative to.
	File string `toml:"-" json:"-"`
	Dir  string `toml:"-" json:"-"`

	// LoadErr is set (and the rest is Default()) when the configuration
	// that applies to a package could not be loaded; the root analyzer
	// fails the package with it.
	LoadErr error `toml:"-" json:"-"`
}

// Staticcreds configures the staticcreds rule.
type Staticcreds struct {
	// AllowConfiguredKeys stops reporting static keys whose provenance is
	// operator configuration (a parameter or config field), for projects
	// that deliberately support operator-supplied keys. Keys given a
	// session token are temporary and stay reported.
	AllowConfiguredKeys bool `toml:"allow-configured-keys" json:"allow-configured-keys"`
	// ReportNonAWSEndpoints reports static keys (from configuration, the
	// environment, a snapshot) of clients whose endpoint is provably not
	// AWS (localhost, MinIO, LocalStack, R2) too. Literal access keys that
	// cannot be AWS access key IDs stay quiet whatever the endpoint.
	ReportNonAWSEndpoints bool `toml:"report-non-aws-endpoints" json:"report-non-aws-endpoints"`
	// Constructors are functions of the user's own ("example.com/awsx.Keys",
	// "example.com/awsx.Type.Method") that build static credentials.
	Constructors []string `toml:"constructors" json:"constructors"`
}

// Globalclient configures the globalclient rule.
type Globalclient struct {
	// Strict reports every process-lifetime AWS client (any service), whatever its
	// credentials.
	Strict bool `toml:"strict" json:"strict"`
	// Constructors are functions of the user's own that build AWS clients.
	Constructors []string `toml:"constructors" json:"constructors"`
}

// Noretry configures the noretry rule.
type Noretry struct {
	// MinAttempts reports settings that allow fewer attempts than this
	// (default 2: only a single attempt is reported).
	MinAttempts int `toml:"min-attempts" json:"min-attempts"`
}

// Expiryerr configures the expiryerr rule.
type Expiryerr struct {
	// Classifiers are functions of the user's own that classify expiry
	// errors; passing an error to one counts as handling it.
	Classifiers []string `toml:"classifiers" json:"classifiers"`
}

// Presignttl configures the presignttl rule.
type Presignttl struct {
	// PresignMax reports presign expiries longer than this (default 1h).
	PresignMax Duration `toml:"presign-max" json:"presign-max"`
}

// Duration is a time.Duration written as a string ("1h", "15m").
type Duration struct{ time.Duration }

// UnmarshalText parses a duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("not a duration (want e.g. \"1h\" or \"15m\"): %q", b)
	}
	if v <= 0 {
		return fmt.Errorf("duration must be positive: %q", b)
	}
	d.Duration = v
	return nil
}

// MarshalText prints a duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// Default returns the configuration used when no file is found.
func Default() *Config {
	c := &Config{}
	c.fillDefaults()
	return c
}

func (c *Config) fillDefaults() {
	if c.Noretry.MinAttempts == 0 {
		c.Noretry.MinAttempts = 2
	}
	if c.Presignttl.PresignMax.Duration == 0 {
		c.Presignttl.PresignMax.Duration = time.Hour
	}
}

// Enabled reports whether a rule runs.
func (c *Config) Enabled(rule string) bool {
	if len(c.Enable) > 0 && !slices.Contains(c.Enable, rule) {
		return false
	}
	return !slices.Contains(c.Disable, rule)
}

// Excluded reports whether findings in file are dropped by an exclude glob.
// Globs match the slash path relative to the configuration's directory (or
// the file's base name, or any trailing part of its path); "**" matches any
// number of directories.
func (c *Config) Excluded(file string) bool {
	if len(c.Exclude) == 0 {
		return false
	}
	rel := file
	if c.Dir != "" {
		if r, err := filepath.Rel(c.Dir, file); err == nil && !strings.HasPrefix(r, "..") {
			rel = r
		}
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Exclude {
		if globMatch(g, rel) {
			return true
		}
	}
	return false
}

// globMatch matches a slash path against a glob where "**" spans
// directories. A glob without a slash also matches the base name.
func globMatch(glob, name string) bool {
	if !strings.Contains(glob, "/") {
		ok, _ := filepath.Match(glob, filepath.Base(name))
		if ok {
			return true
		}
	}
	return matchParts(strings.Split(glob, "/"), strings.Split(name, "/"))
}

func matchParts(glob, name []string) bool {
	for len(glob) > 0 {
		if glob[0] == "**" {
			for i := 0; i <= len(name); i++ {
				if matchParts(glob[1:], name[i:]) {
					return true
				}
			}
			return false
		}
		if len(name) == 0 {
			return false
		}
		if ok, _ := filepath.Match(glob[0], name[0]); !ok {
			return false
		}
		glob, name = glob[1:], name[1:]
	}
	return len(name) == 0
}

// Find returns the path of the nearest .credlint.toml in dir or one of its
// parents, or "".
func Find(dir string) string {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Load reads and validates a TOML configuration file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("credlint config: %w", err)
	}
	c, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	if abs, err := filepath.Abs(path); err == nil {
		c.File, c.Dir = abs, filepath.Dir(abs)
	}
	return c, nil
}

// Parse decodes and validates TOML configuration data; name is used in
// error messages.
func Parse(name string, data []byte) (*Config, error) {
	c := &Config{}
	md, err := toml.Decode(string(data), c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if pe.LastKey != "" {
				return nil, fmt.Errorf("%s:%d: %s: %s", name, pe.Position.Line, pe.LastKey, strings.TrimSpace(pe.Message))
			}
			return nil, fmt.Errorf("%s:%d: %s", name, pe.Position.Line, strings.TrimSpace(pe.Message))
		}
		// Type mismatches come as "toml: line N (last key "k"): message".
		if m := typeErr.FindStringSubmatch(err.Error()); m != nil {
			line := m[1]
			if line == "" {
				line = strconv.Itoa(keyLine(data, toml.Key(strings.Split(m[2], "."))))
			}
			return nil, fmt.Errorf("%s:%s: %s: %s", name, line, m[2], m[3])
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, fmt.Errorf("%s:%d: unknown key %q (known keys: %s)", name, keyLine(data, k), k.String(), knownKeys(k))
	}
	if err := c.validate(); err != nil {
		var ke *keyError
		if errors.As(err, &ke) {
			return nil, fmt.Errorf("%s:%d: %s: %s", name, keyLine(data, toml.Key(strings.Split(ke.key, "."))), ke.key, ke.msg)
		}
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	c.fillDefaults()
	return c, nil
}

var typeErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// ParseJSON decodes and validates configuration given as JSON (the
// -config-json flag). Unknown keys are rejected.
func ParseJSON(data []byte) (*Config, error) {
	c := &Config{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(c); err != nil {
		return nil, fmt.Errorf("credlint settings: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("credlint settings: %w", err)
	}
	c.fillDefaults()
	return c, nil
}

// Validate checks rule names and value ranges of a decoded configuration
// and fills in defaults.
func (c *Config) Validate() error {
	if err := c.validate(); err != nil {
		return err
	}
	c.fillDefaults()
	return nil
}

type keyError struct{ key, msg string }

func (e *keyError) Error() string { return e.key + ": " + e.msg }

func (c *Config) validate() error {
	for _, list := range []struct {
		key   string
		rules []string
	}{{"enable", c.Enable}, {"disable", c.Disable}} {
		for _, r := range list.rules {
			if !slices.Contains(Rules, r) {
				return &keyError{list.key, fmt.Sprintf("unknown rule %q (rules: %s)", r, strings.Join(Rules, ", "))}
			}
		}
	}
	for _, g := range c.Exclude {
		if _, err := filepath.Match(strings.ReplaceAll(g, "**", "x"), ""); err != nil {
			return &keyError{"exclude", fmt.Sprintf("bad glob %q: %v", g, err)}
		}
	}
	if c.Noretry.MinAttempts < 0 {
		return &keyError{"noretry.min-attempts", fmt.Sprintf("must not be negative, got %d", c.Noretry.MinAttempts)}
	}
	for _, l := range []struct {
		key   string
		names []string
	}{
		{"staticcreds.constructors", c.Staticcreds.Constructors},
		{"globalclient.constructors", c.Globalclient.Constructors},
		{"expiryerr.classifiers", c.Expiryerr.Classifiers},
	} {
		for _, n := range l.names {
			if _, _, _, err := SplitFuncName(n); err != nil {
				return &keyError{l.key, err.Error()}
			}
		}
	}
	return nil
}

// SplitFuncName splits "import/path.Func" or "import/path.Type.Method" into
// its package path, receiver type name ("" for functions) and name.
func SplitFuncName(s string) (path, recv, name string, err error) {
	slash := strings.LastIndex(s, "/")
	rest := s[slash+1:]
	parts := strings.Split(rest, ".")
	if len(parts) < 2 || len(parts) > 3 || slices.Contains(parts, "") {
		return "", "", "", fmt.Errorf("%q is not a function name (want \"import/path.Func\" or \"import/path.Type.Method\")", s)
	}
	path = s[:slash+1] + parts[0]
	if len(parts) == 3 {
		return path, parts[1], parts[2], nil
	}
	return path, "", parts[1], nil
}

// keyLine finds the line of a dotted key in TOML text: the table header
// for all but the last part, then "last =". It returns 1 if not found.
func keyLine(data []byte, key toml.Key) int {
	table := strings.Join(key[:len(key)-1], ".")
	last := key[len(key)-1]
	cur := ""
	for i, line := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "[") {
			cur = strings.Trim(strings.TrimSpace(strings.SplitN(t, "#", 2)[0]), "[] ")
			if cur == strings.Join(key, ".") {
				return i + 1
			}
			continue
		}
		k, _, ok := strings.Cut(t, "=")
		if !ok {
			continue
		}
		k = strings.Trim(strings.TrimSpace(k), `"'`)
		if (cur == table && k == last) || (cur == "" && k == strings.Join(key, ".")) {
			return i + 1
		}
	}
	return 1
}

func knownKeys(k toml.Key) string {
	if len(k) > 1 {
		if keys := KnownKeys(k[0]); keys != "" {
			return keys
		}
	}
	return KnownKeys("")
}

// KnownKeys lists the keys of a section ("noretry", ...), or of the top
// level for "" (sections in brackets), from the Config struct's tags: the
// one list that TOML and plugin-settings errors both quote.
func KnownKeys(section string) string {
	t := reflect.TypeFor[Config]()
	if section != "" {
		f, ok := fieldByTag(t, section)
		if !ok || f.Type.Kind() != reflect.Struct {
			return ""
		}
		t = f.Type
	}
	var keys []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		switch {
		case name == "" || name == "-":
		case section == "" && t.Field(i).Type.Kind() == reflect.Struct:
			keys = append(keys, "["+name+"]")
		default:
			keys = append(keys, name)
		}
	}
	return strings.Join(keys, ", ")
}

func fieldByTag(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		if n, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ","); n == name {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}
