// Command release builds credlint's release archives: the credlint
// command for linux, darwin and windows on amd64 and arm64, with the
// version stamped, each in an archive, and a checksums file.
//
//	go -C release run . -version v1.2.3   # a release: HEAD is tagged v1.2.3, nothing uncommitted
//	go -C release run . -snapshot         # HEAD as it is, version v0.0.0-snapshot-<commit>[-dirty]
//
// It writes to -o (default: dist/ at the checkout's root)
//
//	credlint_<version>_<os>_<arch>.tar.gz   (.zip for windows) holding
//	    credlint_<version>_<os>_<arch>/credlint[.exe] and README.md
//	credlint_<version>_checksums.txt        (sha256sum -c format)
//
// Each binary is built with CGO_ENABLED=0, -trimpath, and
// -ldflags "-X main.releaseVersion=<version> -X main.releaseCommit=<commit>"
// (what `credlint -version` prints); the archives are reproducible (file
// times are the commit's). It is a module of its own so that pre-commit's
// `go install ./...` at the root does not install it.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// targets are the platforms of a release.
var targets = []struct{ goos, goarch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

var semver = regexp.MustCompile(`^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$`)

func main() {
	version := flag.String("version", "", "the release's version, vX.Y.Z: HEAD must carry that tag and the checkout must have no uncommitted changes")
	snapshot := flag.Bool("snapshot", false, "build HEAD as it is, uncommitted changes included, as version v0.0.0-snapshot-<commit>[-dirty]")
	out := flag.String("o", "", "the directory to write the archives and the checksums to (default: dist/ at the checkout's root)")
	flag.Parse()
	if err := run(*version, *snapshot, *out); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(version string, snapshot bool, out string) error {
	if (version == "") == !snapshot {
		return fmt.Errorf("give either -version vX.Y.Z or -snapshot")
	}
	root, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	commit, err := git(root, "rev-parse", "HEAD")
	if err != nil {
		return err
	}
	status, err := git(root, "status", "--porcelain")
	if err != nil {
		return err
	}
	unixTime, err := git(root, "log", "-1", "--format=%ct", "HEAD")
	if err != nil {
		return err
	}
	secs, err := strconv.ParseInt(unixTime, 10, 64)
	if err != nil {
		return fmt.Errorf("commit time %q: %w", unixTime, err)
	}
	modTime := time.Unix(secs, 0).UTC()

	if snapshot {
		version = "v0.0.0-snapshot-" + commit[:12]
		if status != "" {
			version += "-dirty"
		}
	} else {
		if !semver.MatchString(version) {
			return fmt.Errorf("-version %q is not vX.Y.Z", version)
		}
		if status != "" {
			return fmt.Errorf("the checkout has uncommitted changes (git status --porcelain):\n%s", status)
		}
		tags, err := git(root, "tag", "--points-at", "HEAD")
		if err != nil {
			return err
		}
		if !slices.Contains(strings.Fields(tags), version) {
			return fmt.Errorf("HEAD is not tagged %s (its tags: %q)", version, tags)
		}
	}

	if out == "" {
		out = filepath.Join(root, "dist")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return err
	}
	build, err := os.MkdirTemp("", "credlint-release")
	if err != nil {
		return err
	}
	defer os.RemoveAll(build)

	var sums bytes.Buffer
	for _, tg := range targets {
		name := fmt.Sprintf("credlint_%s_%s_%s", version, tg.goos, tg.goarch)
		exe := "credlint"
		if tg.goos == "windows" {
			exe += ".exe"
		}
		bin := filepath.Join(build, name, exe)
		ldflags := fmt.Sprintf("-s -w -buildid= -X main.releaseVersion=%s -X main.releaseCommit=%s", version, commit)
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", bin, "./cmd/credlint")
		cmd.Dir = root
		// GOFLAGS is replaced, not extended: a release does not depend on
		// the builder's settings, and never edits go.mod.
		cmd.Env = append(os.Environ(), "GOOS="+tg.goos, "GOARCH="+tg.goarch, "CGO_ENABLED=0",
			"GOFLAGS=-mod=readonly -buildvcs=false", "GOWORK=off")
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		fmt.Fprintf(os.Stderr, "building %s/%s\n", tg.goos, tg.goarch)
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("go build for %s/%s: %w", tg.goos, tg.goarch, err)
		}
		binData, err := os.ReadFile(bin)
		if err != nil {
			return err
		}
		files := []file{{name + "/" + exe, binData, 0o755}, {name + "/README.md", readme, 0o644}}
		archive := name + ".tar.gz"
		write := writeTarGz
		if tg.goos == "windows" {
			archive, write = name+".zip", writeZip
		}
		var buf bytes.Buffer
		if err := write(&buf, files, modTime); err != nil {
			return fmt.Errorf("%s: %w", archive, err)
		}
		if err := os.WriteFile(filepath.Join(out, archive), buf.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(&sums, "%x  %s\n", sha256.Sum256(buf.Bytes()), archive)
	}
	checksums := filepath.Join(out, fmt.Sprintf("credlint_%s_checksums.txt", version))
	if err := os.WriteFile(checksums, sums.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Printf("credlint %s: %d archives and %s in %s\n", version, len(targets), filepath.Base(checksums), out)
	return nil
}

// git runs git in dir and returns its output, trimmed.
func git(dir string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return strings.TrimSpace(string(out)), nil
}

// A file is one archive member.
type file struct {
	name string // slash path
	data []byte
	mode int64
}

func writeTarGz(w io.Writer, files []file, modTime time.Time) error {
	gz := gzip.NewWriter(w)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		hdr := &tar.Header{Name: f.name, Mode: f.mode, Size: int64(len(f.data)), ModTime: modTime, Typeflag: tar.TypeReg, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := tw.Write(f.data); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	return gz.Close()
}

func writeZip(w io.Writer, files []file, modTime time.Time) error {
	zw := zip.NewWriter(w)
	for _, f := range files {
		hdr := &zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: modTime}
		hdr.SetMode(os.FileMode(f.mode))
		fw, err := zw.CreateHeader(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
