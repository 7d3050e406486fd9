package integration

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

// TestGolangciRelease sets up golangci-lint with the plugin as `golangci-lint
// custom` does for a plugin entry with version: instead of path: — `go get
// github.com/credlint/credlint@<version>` — and builds the plugin there. The version is HEAD's pseudo-version (what version: <commit>
// resolves to), served by a file:// module proxy in front of the real one:
// it holds the module zip made from HEAD the way the public proxy makes
// one from a tag (git archive: golang.org/x/mod/zip.CreateFromVCS). So a
// release of this repository, as it is, works with version:. The same
// proxy serves `go install github.com/credlint/credlint/cmd/credlint@<version>`,
// whose -version is checked.
func TestGolangciRelease(t *testing.T) {
	integration(t)
	gcl := customGclExample(t)
	clone := cloneCheckout(t)
	commit := strings.TrimSpace(mustRun(t, clone, goEnv(), "git", "rev-parse", "HEAD"))
	secs, err := strconv.ParseInt(strings.TrimSpace(mustRun(t, clone, goEnv(), "git", "log", "-1", "--format=%ct")), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	when := time.Unix(secs, 0).UTC()
	mv := module.Version{Path: gcl.module, Version: module.PseudoVersion("", "", when, commit[:12])}

	proxy := t.TempDir()
	at := filepath.Join(proxy, filepath.FromSlash(gcl.module), "@v")
	gomod, err := os.ReadFile(filepath.Join(clone, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	info, _ := json.Marshal(map[string]any{"Version": mv.Version, "Time": when})
	writeFile(t, filepath.Join(at, "list"), mv.Version+"\n")
	writeFile(t, filepath.Join(at, mv.Version+".info"), string(info))
	writeFile(t, filepath.Join(at, mv.Version+".mod"), string(gomod))
	f, err := os.Create(filepath.Join(at, mv.Version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := zip.CreateFromVCS(f, mv, clone, "HEAD", ""); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}

	// The checksum database does not know this version: skip it for
	// credlint alone.
	env := goEnv("GOPROXY=file://"+filepath.ToSlash(proxy)+","+goVar(t, "GOPROXY"), "GONOSUMDB="+gcl.module)
	pluginDir := filepath.Join(goVar(t, "GOMODCACHE"), filepath.FromSlash(gcl.module)+"@"+mv.Version)
	// version: makes golangci-lint run `go get <module>@<version>`. The
	// plugin's packages are compiled from the module cache in that module;
	// linking golangci-lint and running it is TestGolangci's part (the same
	// source, from a clone).
	scratch := customGclModule(t, gcl, pluginDir, env, "go", "get", mv.String())
	mustRun(t, scratch, env, "go", "build", gcl.importPath)

	// The README's go install ...@version, from the same proxy.
	gobin := t.TempDir()
	mustRun(t, gobin, append(env, "GOBIN="+gobin), "go", "install", gcl.module+"/cmd/credlint@"+mv.Version)
	got := strings.TrimSpace(mustRun(t, gobin, env, filepath.Join(gobin, "credlint"), "-version"))
	if want := "credlint " + mv.Version + ", go"; !strings.HasPrefix(got, want) {
		t.Errorf("credlint -version after go install ...@%s: %q, want %q...", mv.Version, got, want)
	}
}
