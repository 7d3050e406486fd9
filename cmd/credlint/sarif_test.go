package main_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/fixtures"
)

// The SARIF output end to end (schema validation and the comparison with
// the standalone run are in internal/integration).
func TestSARIFFlag(t *testing.T) {
	for _, flag := range []string{"-sarif", "-sarif=true"} {
		out, code := run(t, fixtures.Dir(), flag, "./src/noretry/v1")
		if code != 3 {
			t.Fatalf("%s: exit %d, want 3; output:\n%s", flag, code, out)
		}
		var log struct {
			Version string
			Runs    []struct {
				Results []struct {
					RuleID string `json:"ruleId"`
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
			t.Fatalf("%s: not a SARIF log with results (%v):\n%s", flag, err, out)
		}
		for _, r := range log.Runs[0].Results {
			if r.RuleID != "noretry" {
				t.Errorf("%s: ruleId %q, want noretry", flag, r.RuleID)
			}
		}
	}

	if out, code := run(t, fixtures.Dir(), "-sarif", "./src/noretry/traps"); code != 0 || !strings.Contains(out, `"results": []`) {
		t.Errorf("-sarif on clean code: exit %d, want 0 and no results:\n%s", code, out)
	}
	if out, code := run(t, fixtures.Dir(), "-sarif=false", "./src/noretry/traps"); code != 0 || strings.TrimSpace(out) != "" {
		t.Errorf("-sarif=false: exit %d, output %q; want the text driver's", code, out)
	}
	if out, code := run(t, fixtures.Dir(), "-sarif", "-fix", "./src/noretry/v1"); code != 1 || !strings.Contains(out, "cannot be combined with -fix") {
		t.Errorf("-sarif -fix: exit %d, output:\n%s", code, out)
	}
}
