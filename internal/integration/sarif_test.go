package integration

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/credlint/credlint/analyzers"
	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/internal/fixtures"
)

// sarifSchema compiles the vendored SARIF 2.1.0 schema, offline.
func sarifSchema(t *testing.T) *jsonschema.Schema { return fixtures.SARIFSchema(t) }

// sarifLog is the part of a SARIF log the test reads.
type sarifLog struct {
	Runs []struct {
		Tool struct {
			Driver struct {
				Name  string
				Rules []struct {
					ID      string `json:"id"`
					HelpURI string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			RelatedLocations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine int `json:"startLine"`
					} `json:"region"`
				} `json:"physicalLocation"`
				Message struct{ Text string } `json:"message"`
			} `json:"relatedLocations"`
		} `json:"results"`
	} `json:"runs"`
}

// runSARIF runs `credlint -sarif ./...` in dir, checks the log against the
// schema and returns it with the exit status.
func runSARIF(t *testing.T, sch *jsonschema.Schema, dir string) (sarifLog, []byte, int) {
	t.Helper()
	cmd := exec.Command(credlint, "-sarif", "./...")
	cmd.Dir, cmd.Env = dir, goEnv()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code == 1 && len(bytes.TrimSpace(stdout.Bytes())) == 0 {
		return sarifLog{}, stdout.Bytes(), code
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(stdout.Bytes()))
	if err != nil {
		t.Fatalf("credlint -sarif (exit %d): not JSON: %v\nstdout:\n%s\nstderr:\n%s", code, err, stdout.Bytes(), stderr.Bytes())
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("credlint -sarif: not valid SARIF 2.1.0: %v\n%s", err, stdout.Bytes())
	}
	var log sarifLog
	if err := json.Unmarshal(stdout.Bytes(), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("credlint -sarif: %v, %d runs", err, len(log.Runs))
	}
	return log, stdout.Bytes(), code
}

// TestSARIF checks `credlint -sarif` against the SARIF 2.1.0 schema and the
// standalone run: one rule per credlint rule with its documentation URL,
// one result per finding with its rule, file (relative to the working
// directory) and line, exit status 3 with findings and 0 without, no
// secret in the log.
func TestSARIF(t *testing.T) {
	integration(t)
	sch := sarifSchema(t)
	base := baseline(t)

	dir := exampleModule(t, true)
	log, _, code := runSARIF(t, sch, dir)
	if code != 3 {
		t.Errorf("credlint -sarif with findings: exit %d, want 3", code)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "credlint" {
		t.Errorf("driver %q", run.Tool.Driver.Name)
	}
	var ids []string
	for _, r := range run.Tool.Driver.Rules {
		ids = append(ids, r.ID)
		if slices.Contains(config.Rules, r.ID) && r.HelpURI != analyzers.DocURL+r.ID+".md" {
			t.Errorf("rule %s: helpUri %q, want its docs/rules page", r.ID, r.HelpURI)
		}
	}
	for _, rule := range config.Rules {
		if !slices.Contains(ids, rule) {
			t.Errorf("SARIF rules %v lack %s", ids, rule)
		}
	}
	var got []finding
	for _, res := range run.Results {
		if res.RuleIndex >= len(ids) || ids[res.RuleIndex] != res.RuleID {
			t.Errorf("result %+v: ruleIndex does not name ruleId", res)
		}
		loc := res.Locations[0].PhysicalLocation
		file, err := url.PathUnescape(loc.ArtifactLocation.URI)
		if err != nil || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || filepath.IsAbs(file) {
			t.Errorf("result %+v: want a URI relative to %%SRCROOT%%", res)
		}
		if strings.HasPrefix(res.Message.Text, res.RuleID+": ") || res.Message.Text == "" {
			t.Errorf("result message %q", res.Message.Text)
		}
		got = append(got, finding{file, loc.Region.StartLine, res.RuleID})
	}
	sameFindings(t, "sarif", got, findings(base))

	// The provenance chain as links: the process-lifetime client's
	// credentials were built at partner_staticcreds.go:29; the worker
	// loop's error comes from PutObject at storage.go:41.
	for _, want := range []struct {
		rule, file string
		line       int
		relFile    string
		relLine    int
	}{
		{"globalclient", "internal/partner/partner_staticcreds.go", 27, "internal/partner/partner_staticcreds.go", 29},
		{"expiryerr", "cmd/worker/main.go", 52, "internal/storage/storage.go", 41},
	} {
		found := false
		for _, res := range run.Results {
			loc := res.Locations[0].PhysicalLocation
			if res.RuleID != want.rule || loc.ArtifactLocation.URI != want.file || loc.Region.StartLine != want.line {
				continue
			}
			for _, rel := range res.RelatedLocations {
				found = found || (rel.PhysicalLocation.ArtifactLocation.URI == want.relFile && rel.PhysicalLocation.Region.StartLine == want.relLine && rel.Message.Text != "")
			}
		}
		if !found {
			t.Errorf("no %s result at %s:%d with a related location at %s:%d", want.rule, want.file, want.line, want.relFile, want.relLine)
		}
	}

	// Secrets: a literal key pair; the log names it masked or not at all.
	const keyID, secret = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	leak := miniModule(t, map[string]string{"leak/leak.go": `// Package leak builds an S3 client on a literal key pair.
package leak

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Client is an S3 client on hard-coded keys.
func Client() *s3.Client {
	return s3.New(s3.Options{
		Region:      "eu-west-1",
		Credentials: aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider("` + keyID + `", "` + secret + `", "")),
	})
}
`})
	log, raw, code := runSARIF(t, sch, leak)
	if bytes.Contains(raw, []byte(secret)) || bytes.Contains(raw, []byte(keyID)) {
		t.Errorf("the SARIF log holds a secret:\n%s", raw)
	}
	staticcreds := false
	for _, a := range analyzers.Rules {
		staticcreds = staticcreds || a.Name == "staticcreds"
	}
	if staticcreds {
		if code != 3 || len(log.Runs[0].Results) == 0 {
			t.Errorf("credlint -sarif on a literal key pair: exit %d, %d results; want a staticcreds result", code, len(log.Runs[0].Results))
		}
	} else {
		t.Log("staticcreds is not implemented yet: only checked that the log holds no secret")
	}

	// No findings: exit 0 and an empty result list.
	clean := miniModule(t, map[string]string{"cmd/worker/main.go": cleanWorker})
	if log, raw, code := runSARIF(t, sch, clean); code != 0 || len(log.Runs[0].Results) != 0 {
		t.Errorf("credlint -sarif on clean code: exit %d, want 0 and no results\n%s", code, raw)
	}

	// An error: exit 1, and a valid log whose invocation failed with the
	// compiler's error as a notification (cmd/credlint's
	// TestSARIFPartialFailure has a module where other packages still
	// report).
	broken := miniModule(t, map[string]string{"a/a.go": "package a\n\nvar x int = \"s\"\n"})
	if log, raw, code := runSARIF(t, sch, broken); code != 1 || len(log.Runs) != 1 || len(log.Runs[0].Results) != 0 || !bytes.Contains(raw, []byte(`"executionSuccessful": false`)) || !bytes.Contains(raw, []byte("a.go:3")) {
		t.Errorf("credlint -sarif on code that does not compile: exit %d; want 1 and a log with the error as a notification:\n%s", code, raw)
	}
}
