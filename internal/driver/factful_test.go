package driver_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/credlint/credlint/internal/driver"
)

// factfulMust are the findings of ./shop and ./plain in testdata/driverfix
// that need the facts of wrap, box and mirror, and (the last)
// sdk.Analyzer's answer for plain.
var factfulMust = []string{
	"shop/shop.go:18:5: globalclient: client (*s3.Client) is process-wide (set at its declaration) on literal keys from wrap/wrap.go:11",
	"shop/shop.go:20:5: globalclient: shelf (holds a *s3.Client)",
	"shop/shop.go:41:13: expiryerr: mirror.Fetch (s3.S3.GetObject at mirror/mirror.go:18) fails forever in this loop",
	"shop/shop.go:34:23: expiryerr: expiry is found by text (in plain.IsExpired",
}

// TestNotFactfulLeavesSourceSet: acl, catalog and listing cannot carry a
// fact and are loaded as dependencies; wrap and box, whose names lead to a
// client, and mirror, whose interface mirrors an operation, are analyzed
// for their facts.
func TestNotFactfulLeavesSourceSet(t *testing.T) {
	prog, err := driver.Load(context.Background(), driver.LoadConfig{Dir: driverFixDir(), Env: offlineEnv}, "./shop", "./plain")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for id := range prog.Source {
		got = append(got, strings.TrimPrefix(id, "example.com/driverfix/"))
	}
	slices.Sort(got)
	if want := []string{"box", "mirror", "plain", "shop", "wrap"}; !slices.Equal(got, want) {
		t.Errorf("source set = %v, want %v", got, want)
	}
}

// TestNotFactfulMatters: declaring every candidate not factful loses
// shop's findings, and without fixReach plain (whose import listing
// leaves the set, and whose export data names no import that reaches an
// SDK) is not analyzed as reaching one: its text classifier has no fact,
// and shop's expiryerr finding changes. The layout tests what it claims
// to.
func TestNotFactfulMatters(t *testing.T) {
	patterns := []string{"./shop", "./plain"}
	t.Run("everything not factful", func(t *testing.T) {
		defer driver.SetDeclareNonFactful(true)()
		got := output(t, driverFixDir(), patterns, driver.LoadConfig{})
		for _, m := range factfulMust[:3] {
			if strings.Contains(got, m) {
				t.Errorf("finding %q without wrap's facts:\n%s", m, got)
			}
		}
	})
	t.Run("no fixReach", func(t *testing.T) {
		defer driver.SetFixReach(false)()
		got := output(t, driverFixDir(), patterns, driver.LoadConfig{})
		if strings.Contains(got, factfulMust[3]) {
			t.Errorf("plain's classifier fact without fixReach:\n%s", got)
		}
	})
}

// TestNotFactfulWithoutExportData: a package that left the source set and
// whose export data is missing (acl, catalog or listing) is type-checked
// from source, bodies skipped, with every package that imports it; the
// findings do not change.
func TestNotFactfulWithoutExportData(t *testing.T) {
	patterns := []string{"./shop", "./plain"}
	want := output(t, driverFixDir(), patterns, driver.LoadConfig{AllSource: true})
	for _, dep := range []string{"example.com/driverfix/acl", "example.com/driverfix/catalog", "example.com/driverfix/listing"} {
		t.Run(dep, func(t *testing.T) {
			defer driver.SetExportFileUsable(func(path, file string) bool {
				if path == dep {
					return false
				}
				_, err := os.Stat(file)
				return err == nil
			})()
			if got := output(t, driverFixDir(), patterns, driver.LoadConfig{}); got != want {
				t.Errorf("without the export data of %s the findings differ\n--- got:\n%s\n--- want:\n%s", dep, got, want)
			}
		})
	}
}
