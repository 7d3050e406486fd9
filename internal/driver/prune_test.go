package driver

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/passes/sdk"
)

// pruneCase is a package of one or more files; a function whose name
// starts with "kept" must keep its body, one whose name starts with
// "pruned" must lose it.
type pruneCase struct {
	name  string
	files []string
	// configured names functions of the package that configuration names.
	configured []string
}

// testScope: SDK paths (passes/sdk), example.com/src (a source-set
// package) and example.com/cfg (configured functions) are interesting;
// import names are the last path element; of imported types, fs.PathError
// and example.com/errs.E implement error, bytes.Buffer does not, anything
// else is unknown.
func testScope(configured []string) factScope {
	names := map[string]bool{}
	for _, n := range configured {
		names[n] = true
	}
	return factScope{
		interesting: func(path string) bool {
			return sdk.IsSDKPath(path) || path == "example.com/src" || path == "example.com/cfg"
		},
		importName: func(path string) string { return path[strings.LastIndex(path, "/")+1:] },
		errorType: func(path, name string) (bool, bool) {
			switch path + "." + name {
			case "io/fs.PathError", "example.com/errs.E":
				return true, true
			case "bytes.Buffer":
				return false, true
			}
			return false, false
		},
		configured: names,
	}
}

const header = `package p

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/cfg"
	"example.com/errs"
	"example.com/src"
)

var (
	_ = bytes.MinRead
	_ = context.Background
	_ = errors.New
	_ = fs.ErrExist
	_ = os.Getenv
	_ = strings.ToUpper
	_ aws.Config
	_ s3.Options
	_ = cfg.X
	_ = errs.X
	_ = src.X
)
`

var pruneCases = []pruneCase{
	{name: "SDK and source-set imports", files: []string{header + `
func keptNamesSDK() { _ = s3.New(s3.Options{}) }
func keptNamesSourceSet() int { return src.Helper() }
func prunedNamesStd(s string) string { return strings.ToUpper(s) }
func keptSignatureSDK(o *s3.Options) { o.Region = "x" }
func keptResultSDK() aws.Retryer { return nil }
`}},
	{name: "environment", files: []string{header + `
func keptReadsKey() string { return os.Getenv("AWS_SECRET_ACCESS_KEY") }
func prunedReadsHome() string { return os.Getenv("HOME") }
func keptCallsKeyReader() string { return keptReadsKey() }
func keptOuter() string { return keptMiddle() }
func keptMiddle() string { return keptLookup("AWS_SESSION_TOKEN") }
func keptLookup(name string) string { v, _ := os.LookupEnv(name); return v } // a callee of a kept body
const tokenVar = "AWS_ACCESS_KEY_ID"
func keptNamesConst() string { return os.Getenv(tokenVar) }
`}},
	{name: "classifiers", files: []string{header + `
func keptByText(err error) bool { return strings.Contains(err.Error(), "ExpiredToken") }
func keptCallsClassifier(err error) bool { return keptByText(err) }
func keptVariadic(errs ...error) bool { return len(errs) > 0 }
func prunedNoError(s string, n int, b []byte, m map[string]error) bool { return len(s)+n+len(b)+len(m) > 0 }
type myErr struct{ code string }
func (e *myErr) Error() string { return e.code }
func keptLocalError(e *myErr) bool { return e.code == "ExpiredToken" }
type point struct{ x, y int }
func prunedLocalPlain(p point) int { return p.x + p.y }
type wrapper struct{ error }
func keptEmbedsError(w wrapper) bool { return w.error != nil }
func keptImportedError(e *fs.PathError) bool { return e.Op == "open" }
func keptImportedErrorOther(e errs.E) bool { return e.Error() == "" }
func prunedImportedPlain(b *bytes.Buffer) int { return b.Len() }
func keptUnknownImported(x errs.Unknown) bool { return x.Ok() }
func keptTypeParam[T any](x T) T { return x } // generic: never pruned
`}},
	{name: "types holding SDK values", files: []string{header + `
type store struct{ c *s3.Client }
func (s *store) keptPut(ctx context.Context) error { return s.keptPutInner(ctx) }
func (s *store) keptPutInner(ctx context.Context) error { _, err := s.c.ListBuckets(ctx, nil); return err }
func (s *store) keptAnyMethod() int { return 1 } // its receiver holds a client
type api interface{ ListBuckets(context.Context, *s3.ListBucketsInput, ...func(*s3.Options)) (*s3.ListBucketsOutput, error) }
func keptTakesAPI(a api) bool { return a != nil }
type embeds struct{ *s3.Client }
type outer struct{ embeds }
func (o outer) keptOuterMethod() bool { return o.embeds.Client != nil }
func keptNewStore() *store { return &store{} }
func keptCallsNewStore() bool { return keptNewStore() != nil } // calls a carrier
type plain struct{ n int }
func (p plain) prunedPlainMethod() int { return p.n }
func (p plain) prunedCallsOwn() int { return p.prunedPlainMethod() } // the receiver's own method, not store's
`}},
	{name: "package-level variables", files: []string{header + `
var client = s3.New(s3.Options{})
func keptUsesGlobal(ctx context.Context) error { _, err := client.ListBuckets(ctx, nil); return err }
func keptCallsGlobalUser(ctx context.Context) { _ = keptUsesGlobal(ctx) }
var region = "eu-west-1"
func keptUsesRegion() *s3.Client { return s3.New(s3.Options{Region: region}) }
func keptSetsRegion(r string) { region = r } // another definition of what a kept body reads
func prunedReadsRegion() string { return strings.ToUpper(region) }
var shared = &store2{}
type store2 struct{ c *s3.Client }
func (s *store2) keptPut() error { return nil }
func keptRetry() error { return shared.keptPut() }
var initFunc = func() { _ = prunedFromInitialiser() }
func prunedFromInitialiser() int { return 1 } // named by the initialiser of a variable that holds nothing of note
var sdkFunc = func() *s3.Client { return s3.New(s3.Options{Region: keptRegionOf()}) }
func keptRegionOf() string { return "eu-west-1" } // named by the initialiser of a variable that matters
var _ = sdkFunc
var _ = initFunc
func init() { _ = strings.ToUpper("init bodies are never pruned") }
`}},
	{name: "fields are not methods", files: []string{header + `
type holder struct{ Put int; inner struct{ Put int } }
func keptCarrier(ctx context.Context) error { _, err := s3.New(s3.Options{}).ListBuckets(ctx, nil); return err }
type x struct{}
func (x) Put() error { return keptCarrier(context.Background()) } // a carrier named Put: kept
func (x) prunedPutAlias() error { return nil }
func prunedReadsField(h holder) int { h.inner.Put++; h.Put = 2; return len(h.inner.Put.x) } // assigned, and the operand of a selector
func keptReadsFieldAsValue(h holder) int { return h.inner.Put } // a method value for all a syntactic pass knows
func keptCallsPut(v interface{ Put() error }) error { return v.Put() } // an error result is not an error parameter, but Put is a carrier
`}},
	{name: "configuration", configured: []string{"keptConfigured"}, files: []string{header + `
func keptConfigured() string { return "k" }
func keptCallsConfigured() string { return keptConfigured() }
func keptNamesConfiguredImport() int { return cfg.Keys() }
func prunedOther() int { return 2 }
`}},
	{name: "dot import", files: []string{`package p

import . "github.com/aws/aws-sdk-go-v2/service/s3"

var _ Options

func keptAnything() int { return 1 }
`}},
	{name: "shadowed import name", files: []string{header + `
type bag struct{}
func (bag) ToUpper() int { return keptHelper() }
func keptHelper() int { _ = s3.Options{}; return 1 }
func keptShadow() int { strings := bag{}; return strings.ToUpper() }
`}},
	{name: "two files", files: []string{header + `
func keptInFirst() int { return keptInSecond() }
`, `package p

import "github.com/aws/aws-sdk-go-v2/service/s3"

func keptInSecond() int { _ = s3.Options{}; return 1 }
func prunedInSecond() int { return 2 }
`}},
}

func TestPruneBodies(t *testing.T) {
	for _, c := range pruneCases {
		t.Run(c.name, func(t *testing.T) {
			fset := token.NewFileSet()
			var files []*ast.File
			for i, src := range c.files {
				f, err := parser.ParseFile(fset, "p"+string(rune('0'+i))+".go", src, parser.SkipObjectResolution)
				if err != nil {
					t.Fatal(err)
				}
				files = append(files, f)
			}
			res := pruneBodies(files, testScope(c.configured))
			n := 0
			for _, f := range files {
				for _, d := range f.Decls {
					fd, ok := d.(*ast.FuncDecl)
					if !ok {
						continue
					}
					name := fd.Name.Name
					switch {
					case strings.HasPrefix(name, "kept") && fd.Body == nil:
						t.Errorf("%s: body pruned, want kept", name)
					case strings.HasPrefix(name, "pruned") && fd.Body != nil:
						t.Errorf("%s: body kept, want pruned", name)
					case name == "init" && fd.Body == nil:
						t.Errorf("init: body pruned")
					}
					if strings.HasPrefix(name, "pruned") {
						n++
					}
				}
			}
			if res.bodies != n {
				t.Errorf("pruned %d bodies, want %d", res.bodies, n)
			}
		})
	}
}

// TestPrunedImports: the imports only pruned bodies used are recorded, so
// that go/types' "imported and not used" for them is dropped, and no other.
func TestPrunedImports(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", `package p

import (
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func keptSDK() { _ = s3.Options{}; _ = strings.ToUpper("") }
func prunedHome() string { return os.Getenv("HOME") + strings.ToLower("") }
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	res := pruneBodies([]*ast.File{f}, testScope(nil))
	var got []string
	for _, imp := range f.Imports {
		if res.imports[imp.Pos()] {
			got = append(got, imp.Path.Value[1:len(imp.Path.Value)-1])
		}
	}
	slices.Sort(got)
	if want := []string{"os", "strings"}; !slices.Equal(got, want) {
		t.Errorf("imports of pruned bodies: %v, want %v", got, want)
	}
}

// TestPrunable: a source-set package that was not requested is prunable;
// a root, and a package whose test variant is a root, are not.
func TestPrunable(t *testing.T) {
	sdkPkg := &packages.Package{ID: "github.com/aws/aws-sdk-go-v2/aws", PkgPath: "github.com/aws/aws-sdk-go-v2/aws"}
	helper := &packages.Package{ID: "example.com/helper", PkgPath: "example.com/helper", Imports: map[string]*packages.Package{sdkPkg.PkgPath: sdkPkg}}
	tested := &packages.Package{ID: "example.com/tested", PkgPath: "example.com/tested", Imports: map[string]*packages.Package{helper.PkgPath: helper}}
	variant := &packages.Package{ID: "example.com/tested [example.com/tested.test]", PkgPath: "example.com/tested", Imports: tested.Imports}
	root := &packages.Package{ID: "example.com/app", PkgPath: "example.com/app", Imports: map[string]*packages.Package{helper.PkgPath: helper, tested.PkgPath: tested}}
	roots := []*packages.Package{root, variant}
	source, _ := sourceSets(roots)
	ids, paths := prunable(roots, source)
	if want := map[string]bool{"example.com/helper": true}; !maps.Equal(ids, want) {
		t.Errorf("prunable %v, want %v", ids, want)
	}
	for _, p := range []string{"example.com/app", "example.com/helper", "example.com/tested"} {
		if !paths[p] {
			t.Errorf("source-set paths %v lack %s", paths, p)
		}
	}
}

// TestMayBeExpiryText: the literals that may make up an expiry code or
// text, and some that cannot.
func TestMayBeExpiryText(t *testing.T) {
	for lit, want := range map[string]bool{
		`"ExpiredToken"`:                  true,
		`"ExpiredTokenException"`:         true,
		`"RequestExpired"`:                true,
		"`security token has expired`":    true,
		`"The provided token is expired"`: true,
		`"Expired"`:                       true, // "Expired" + "Token"
		`"Request" `:                      false,
		`"key %s expired at %v"`:          false,
		`"expired_at_ns,omitempty"`:       true, // starts with expired: parsed, to be safe
		`"token"`:                         false,
		`"AccessDenied"`:                  false,
		`"\rexpired_at_ns\x18"`:           false, // a protobuf descriptor's piece
	} {
		if got := mayBeExpiryText(lit); got != want {
			t.Errorf("mayBeExpiryText(%s) = %v, want %v", lit, got, want)
		}
	}
}
