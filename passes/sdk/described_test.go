package sdk

import (
	"go/types"
	"testing"
)

// TestDescribedCoversEveryTable: every symbol of every table (as
// TestTablesMatchRealSDKs lists them) is Listed, or its receiver is a
// described type: a new table must be added to symbolTables.
func TestDescribedCoversEveryTable(t *testing.T) {
	initDescribed()
	for name, f := range tableSymbols {
		for s := range f() {
			if SDKOf(s.Path) == None || valueHelper(s) {
				continue // fmt.Sprintf, context.Context; aws.String
			}
			key := Symbol{Path: s.Path, Name: s.Name}
			if s.Recv != "" {
				key.Name = s.Recv
			}
			if !describedTypes[key] {
				t.Errorf("%s: %v is in no table symbolTables lists", name, s)
			}
		}
	}
}

// TestDescribedType: clients, configs and providers are described, the
// SDKs' data types are not (s3.Options is not either: it leads to one
// through its Credentials field, which the driver follows); a knob of a
// basic type is Listed.
func TestDescribedType(t *testing.T) {
	pkgs := loadTypes(t, V1S3, V2S3, V2Aws, MinioPkg)
	typeOf := func(path, name string) types.Type {
		t.Helper()
		obj := pkgs[path].Scope().Lookup(name)
		if obj == nil {
			t.Fatalf("%s.%s not found", path, name)
		}
		return obj.Type()
	}
	for _, c := range []struct {
		path, name string
		want       bool
	}{
		{V1S3, "S3", true},
		{V2S3, "Client", true},
		{V2Aws, "Config", true},
		{V2Aws, "CredentialsProvider", true},
		{MinioPkg, "Client", true},
		{V1S3, "Grant", false},
		{V1S3, "Grantee", false},
		{V2Aws, "Endpoint", false},
	} {
		if got := DescribedType(typeOf(c.path, c.name)); got != c.want {
			t.Errorf("DescribedType(%s.%s) = %v, want %v", c.path, c.name, got, c.want)
		}
	}
	if !Listed(pkgs[MinioPkg].Scope().Lookup("MaxRetry")) {
		t.Errorf("minio.MaxRetry is not Listed")
	}
	for _, obj := range []types.Object{pkgs[V1S3].Scope().Lookup("Grant"), pkgs[V2Aws].Scope().Lookup("String")} {
		if Listed(obj) {
			t.Errorf("%v is Listed", obj)
		}
	}
}
