package integration

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// cleanWorker is a small worker with nothing to report: the default
// credential chain, the SDK's retries, and an expiry error classified by
// its code.
const cleanWorker = `// Command worker uploads a heartbeat object every minute.
package main

import (
	"context"
	"errors"
	"log"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatalf("load AWS config: %v", err)
	}
	client := s3.NewFromConfig(cfg)
	for range time.Tick(time.Minute) {
		_, err := client.PutObject(ctx, &s3.PutObjectInput{
			Bucket: aws.String(os.Getenv("BUCKET")),
			Key:    aws.String("heartbeat"),
			Body:   strings.NewReader(time.Now().String()),
		})
		var apiErr smithy.APIError
		if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredToken" {
			log.Fatalf("credentials expired, exiting so that ECS replaces the task: %v", err)
		}
		if err != nil {
			log.Printf("heartbeat: %v", err)
		}
	}
}
`

// TestPreCommit runs the hook with Debian's pre-commit: `pre-commit
// try-repo <a committed copy of this checkout> credlint --all-files` in a
// throwaway git repository holding a copy of the example module fails with
// its findings, and passes on clean code.
func TestPreCommit(t *testing.T) {
	integration(t)
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Fatal("pre-commit is not installed (apt-get install pre-commit; .ci/run does it)")
	}
	git := func(dir string, args ...string) {
		t.Helper()
		mustRun(t, dir, goEnv(), "git", append([]string{"-c", "user.name=ci", "-c", "user.email=ci@example.invalid", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"}, args...)...)
	}

	// The hook repository: try-repo ignores untracked files, so commit a
	// copy of the working tree (tracked and untracked, not ignored, files).
	hook := filepath.Join(t.TempDir(), "credlint")
	files := mustRun(t, repoRoot(), goEnv(), "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	for _, f := range strings.Split(files, "\x00") {
		if f == "" {
			continue
		}
		src := filepath.Join(repoRoot(), f)
		if st, err := os.Stat(src); err != nil || !st.Mode().IsRegular() {
			continue // deleted in the working tree
		}
		if err := copyFile(src, filepath.Join(hook, f)); err != nil {
			t.Fatal(err)
		}
	}
	git(hook, "init", "-q")
	git(hook, "add", "-A")
	git(hook, "commit", "-q", "-m", "credlint")

	// pre-commit installs a golang hook with `go install ./...` in a GOPATH
	// of its own store: share the module and build caches (HOME may be
	// unset), and keep pre-commit's store in the test's directory.
	env := goEnv(
		"GOMODCACHE="+goVar(t, "GOMODCACHE"),
		"GOCACHE="+goVar(t, "GOCACHE"),
		"PRE_COMMIT_HOME="+t.TempDir(),
	)
	if os.Getenv("HOME") == "" {
		env = append(env, "HOME="+t.TempDir())
	}
	tryRepo := func(dir string) result {
		t.Helper()
		// A project's go.mod is tidy; the hook runs with -mod=mod (for its
		// own install) and must find nothing to change.
		mustRun(t, dir, goEnv(), "go", "mod", "tidy")
		git(dir, "init", "-q")
		git(dir, "add", "-A")
		return run(t, dir, env, "pre-commit", "try-repo", "--color=never", hook, "credlint", "--all-files")
	}

	bad := exampleModule(t, false)
	r := tryRepo(bad)
	if r.code != 1 || !strings.Contains(r.out, "Failed") || !strings.Contains(r.out, "exit code: 3") || strings.Contains(r.out, "files were modified") {
		t.Errorf("pre-commit on the example: exit %d, want 1 (hook failed with credlint's exit 3)\n%s", r.code, r.out)
	}
	if got := textFindings(t, bad, r.out); len(got) == 0 {
		t.Errorf("pre-commit output lacks credlint's findings:\n%s", r.out)
	} else {
		sameFindings(t, "pre-commit", got, findings(baseline(t)))
	}

	clean := miniModule(t, map[string]string{"cmd/worker/main.go": cleanWorker})
	if r := tryRepo(clean); r.code != 0 || !strings.Contains(r.out, "Passed") {
		t.Errorf("pre-commit on clean code: exit %d, want 0 (Passed)\n%s", r.code, r.out)
	}

	// A repository with two modules in subdirectories and no go.mod at
	// its root: the hook analyzes every module that holds a changed file.
	mono := t.TempDir()
	copyTree(t, bad, filepath.Join(mono, "svc-bad"))
	copyTree(t, clean, filepath.Join(mono, "svc-clean"))
	for _, m := range []string{"svc-bad", "svc-clean"} {
		os.RemoveAll(filepath.Join(mono, m, ".git")) // tryRepo made them repositories
	}
	git(mono, "init", "-q")
	git(mono, "add", "-A")
	hookRun := func(args ...string) result {
		t.Helper()
		return run(t, mono, env, "pre-commit", append([]string{"try-repo", "--color=never", hook, "credlint"}, args...)...)
	}
	if r := hookRun("--files", "svc-clean/cmd/worker/main.go"); r.code != 0 || !strings.Contains(r.out, "Passed") {
		t.Errorf("pre-commit on a change in the clean module: exit %d, want 0 (Passed)\n%s", r.code, r.out)
	}
	r = hookRun("--files", "svc-bad/internal/awsx/awsx.go", "svc-clean/go.mod")
	if r.code != 1 || !strings.Contains(r.out, "svc-bad/internal/awsx/awsx.go:") || strings.Contains(r.out, "svc-clean/") {
		t.Errorf("pre-commit on changes in both modules: exit %d, want 1 with the bad module's findings only\n%s", r.code, r.out)
	}
	r = hookRun("--all-files")
	if got := textFindings(t, filepath.Join(mono, "svc-bad"), strings.ReplaceAll(r.out, "svc-bad/", "")); r.code != 1 || len(got) == 0 {
		t.Errorf("pre-commit --all-files on the two-module repository: exit %d, want 1 with findings\n%s", r.code, r.out)
	} else {
		sameFindings(t, "pre-commit on a two-module repository", got, findings(baseline(t)))
	}
}
