package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// unmappedModule is the module of findings outside the module cache.
const unmappedModule = "(unmapped)"

// buildCredlint builds ./cmd/credlint of the repository at root into work.
func buildCredlint(ctx context.Context, root, work string, verbose bool) (string, error) {
	if _, err := os.Stat(filepath.Join(root, "cmd", "credlint")); err != nil {
		return "", fmt.Errorf("cannot build credlint: %s does not exist (yet); build it or pass -credlint PATH",
			filepath.Join(root, "cmd", "credlint"))
	}
	bin := filepath.Join(work, "credlint")
	if _, err := command(ctx, root, os.Environ(), verbose, "go", "build", "-o", bin, "./cmd/credlint"); err != nil {
		return "", fmt.Errorf("building credlint: %v", err)
	}
	return bin, nil
}

// runCredlint runs `credlint -json <packages>` in the scratch module of m
// and returns the run record and the findings. stdout and stderr are kept
// in <work>/out/<name>.{json,stderr}.
func runCredlint(ctx context.Context, credlint, work, modcache string, m Module, timeout time.Duration, verbose bool) (ModRun, []Finding) {
	run := ModRun{Module: m.Path, Version: m.Version, Packages: m.Packages, Exit: -1}
	dir := scratchDir(work, m)
	outDir := filepath.Join(work, "out")
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		run.Err = err.Error()
		return run, nil
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, credlint, append([]string{"-json"}, m.Packages...)...)
	cmd.Dir = dir
	cmd.Env = goEnv("")
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if verbose {
		cmd.Stderr = io.MultiWriter(&stderr, os.Stderr)
	}
	start := time.Now()
	err := cmd.Run()
	run.Wall = time.Since(start)
	if cmd.ProcessState != nil {
		run.Exit = cmd.ProcessState.ExitCode()
		run.MaxRSS = peakRSS(cmd.ProcessState)
	}
	name := scratchName(m.Path)
	_ = os.WriteFile(filepath.Join(outDir, name+".json"), stdout.Bytes(), 0o644)
	_ = os.WriteFile(filepath.Join(outDir, name+".stderr"), stderr.Bytes(), 0o644)

	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		run.Err = fmt.Sprintf("running %s: %v", credlint, err)
		run.Stderr = tail(stderr.String(), 20)
		return run, nil
	}
	if ctx.Err() != nil {
		run.Err = fmt.Sprintf("timed out after %v", timeout)
		run.Stderr = tail(stderr.String(), 20)
		return run, nil
	}
	findings, perrs, noise, perr := parseOutput(stdout.Bytes(), modcache)
	run.PkgErrors, run.Noise = perrs, noise
	if perr != nil {
		run.Err = fmt.Sprintf("parsing JSON output: %v", perr)
	} else if len(bytes.TrimSpace(stdout.Bytes())) == 0 {
		run.Err = "no JSON output"
	}
	for i := range findings {
		if findings[i].Module == "" {
			findings[i].Module = unmappedModule
		}
	}
	run.Findings = len(findings)
	if run.runFailed() {
		run.Stderr = tail(stderr.String(), 20)
	}
	return run, findings
}
