package integration

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/elf"
	"debug/macho"
	"debug/pe"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// TestRelease runs a snapshot release build (release/, as a maintainer
// would: go -C release run . -snapshot) and checks its output: an archive
// per platform holding a binary for that platform and README.md, built
// with -trimpath; a checksums file that matches; and the host's binary
// printing the stamped version and commit with -version.
func TestRelease(t *testing.T) {
	integration(t)
	root := repoRoot()
	out := t.TempDir()
	commit := strings.TrimSpace(mustRun(t, root, goEnv(), "git", "rev-parse", "HEAD"))
	dirty := mustRun(t, root, goEnv(), "git", "status", "--porcelain") != ""
	mustRun(t, filepath.Join(root, "release"), goEnv(), "go", "run", ".", "-snapshot", "-o", out)

	version := "v0.0.0-snapshot-" + commit[:12]
	if dirty {
		version += "-dirty"
	}
	sums := checksums(t, filepath.Join(out, "credlint_"+version+"_checksums.txt"))
	platforms := []struct{ goos, goarch string }{
		{"linux", "amd64"}, {"linux", "arm64"},
		{"darwin", "amd64"}, {"darwin", "arm64"},
		{"windows", "amd64"}, {"windows", "arm64"},
	}
	if len(sums) != len(platforms) {
		t.Errorf("checksums list %d files, want %d: %v", len(sums), len(platforms), sums)
	}
	for _, p := range platforms {
		name := fmt.Sprintf("credlint_%s_%s_%s", version, p.goos, p.goarch)
		archive, exe := name+".tar.gz", "credlint"
		if p.goos == "windows" {
			archive, exe = name+".zip", "credlint.exe"
		}
		data, err := os.ReadFile(filepath.Join(out, archive))
		if err != nil {
			t.Error(err)
			continue
		}
		if got, want := fmt.Sprintf("%x", sha256.Sum256(data)), sums[archive]; got != want {
			t.Errorf("%s: sha256 %s, checksums file says %q", archive, got, want)
		}
		files := unpack(t, archive, data)
		if _, ok := files[name+"/README.md"]; !ok || len(files) != 2 {
			t.Errorf("%s holds %v, want %s/{%s,README.md}", archive, slices.Sorted(maps.Keys(files)), name, exe)
		}
		bin, ok := files[name+"/"+exe]
		if !ok {
			continue
		}
		if goos, goarch := platform(bin); goos != p.goos || goarch != p.goarch {
			t.Errorf("%s: %s is a %s/%s binary", archive, exe, goos, goarch)
		}
		if bytes.Contains(bin, []byte(root)) {
			t.Errorf("%s: %s holds the checkout's path %s (built without -trimpath?)", archive, exe, root)
		}
		if p.goos == runtime.GOOS && p.goarch == runtime.GOARCH {
			path := filepath.Join(t.TempDir(), exe)
			if err := os.WriteFile(path, bin, 0o755); err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSpace(mustRun(t, out, goEnv(), path, "-version"))
			want := fmt.Sprintf("credlint %s (commit %s), go", version, commit)
			if !strings.HasPrefix(got, want) {
				t.Errorf("credlint -version of the release build: %q, want %q...", got, want)
			}
		}
	}
}

// checksums reads a sha256sum file: archive name to hex digest.
func checksums(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 {
			t.Errorf("%s: not a sha256sum line: %q", filepath.Base(path), sc.Text())
			continue
		}
		sums[name] = sum
	}
	return sums
}

// unpack returns the regular files of a .tar.gz or .zip archive.
func unpack(t *testing.T, name string, data []byte) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	if strings.HasSuffix(name, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %s: %v", name, f.Name, err)
			}
			files[f.Name] = b
		}
		return files
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	tr := tar.NewReader(gz)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if hdr.Typeflag != tar.TypeReg {
			continue
		}
		if strings.HasSuffix(hdr.Name, "/credlint") && hdr.Mode&0o111 == 0 {
			t.Errorf("%s: %s is not executable (mode %o)", name, hdr.Name, hdr.Mode)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatalf("%s: %s: %v", name, hdr.Name, err)
		}
		files[hdr.Name] = b
	}
	return files
}

// platform reads an executable's GOOS and GOARCH from its headers.
func platform(bin []byte) (goos, goarch string) {
	r := bytes.NewReader(bin)
	if f, err := elf.NewFile(r); err == nil {
		switch f.Machine {
		case elf.EM_X86_64:
			return "linux", "amd64"
		case elf.EM_AARCH64:
			return "linux", "arm64"
		}
		return "linux", f.Machine.String()
	}
	if f, err := macho.NewFile(r); err == nil {
		switch f.Cpu {
		case macho.CpuAmd64:
			return "darwin", "amd64"
		case macho.CpuArm64:
			return "darwin", "arm64"
		}
		return "darwin", f.Cpu.String()
	}
	if f, err := pe.NewFile(r); err == nil {
		switch f.Machine {
		case pe.IMAGE_FILE_MACHINE_AMD64:
			return "windows", "amd64"
		case pe.IMAGE_FILE_MACHINE_ARM64:
			return "windows", "arm64"
		}
		return "windows", fmt.Sprint(f.Machine)
	}
	return "unknown", "unknown"
}
