package driver

import (
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestCgoCacheMissIsLoadedFromSource: on a build cache that holds neither a
// cgo package's export data nor its processed files, go list -n reports
// the package with an error ("plugin: loading compiled Go files from
// cache: ... cache entry not found"). That is not a broken package: it is
// type-checked from source (completeCgoFiles lists its files again), as
// its importers are, instead of every importer failing with "could not
// import plugin". Seen in a clean-clone CI run on aws-sdk-go's plugincreds.
func TestCgoCacheMissIsLoadedFromSource(t *testing.T) {
	plugin := &packages.Package{
		ID: "plugin", PkgPath: "plugin",
		GoFiles: []string{"plugin.go", "plugin_dlopen.go"},
		Errors: []packages.Error{{Kind: packages.ListError,
			Msg: "plugin: loading compiled Go files from cache: reading srcfiles list: cache entry not found: open /x/26/2637-a: no such file or directory"}},
	}
	plugincreds := &packages.Package{
		ID: "example.com/plugincreds", PkgPath: "example.com/plugincreds",
		GoFiles: []string{"provider.go"}, ExportFile: "/cache/plugincreds-d",
		Imports: map[string]*packages.Package{"plugin": plugin},
	}
	root := &packages.Package{
		ID: "example.com/app", PkgPath: "example.com/app",
		Imports: map[string]*packages.Package{"example.com/plugincreds": plugincreds},
	}
	deps := depSourceSet([]*packages.Package{root}, map[string]bool{root.ID: true})
	if !deps["plugin"] || !deps["example.com/plugincreds"] {
		t.Errorf("from source, bodies skipped: %v; want plugin and its importer", deps)
	}
	if errs := listErrors(plugin); len(errs) != 0 {
		t.Errorf("listErrors(plugin) = %v; want none (go list -n's cache miss is not the package's error)", errs)
	}
	broken := &packages.Package{ID: "broken", PkgPath: "broken", GoFiles: []string{"b.go"},
		Errors: []packages.Error{{Kind: packages.ListError, Msg: "broken: no matching files"}}}
	if deps := depSourceSet([]*packages.Package{{ID: "r", Imports: map[string]*packages.Package{"broken": broken}}}, map[string]bool{"r": true}); deps["broken"] {
		t.Errorf("a package go list could not load is loaded from source: %v", deps)
	}
}
