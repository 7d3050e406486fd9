package sdk

import (
	"go/types"
	"os"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/credlint/credlint/internal/fixtures"
	"github.com/credlint/credlint/passes/astq"
)

// Real service modules, pinned in the fixture module (testdata/go.mod):
// aws-sdk-go-v2 service/sqs v1.53.0, dynamodb v1.74.0, kinesis v1.56.13,
// sns v1.48.0, sts v1.52.0, ecs v1.105.1, s3 v1.114.10; aws-sdk-go v1.55.8.
var (
	v2Services = []string{"sqs", "dynamodb", "kinesis", "sns", "sts", "ecs", "s3"}
	v1Services = []string{"sqs", "dynamodb", "kinesis", "sns", "sts", "ecs", "s3"}
)

func loadTypes(t *testing.T, patterns ...string) map[string]*types.Package {
	t.Helper()
	if err := fixtures.Setup(); err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes,
		Dir:  fixtures.Dir(),
		Env:  append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Fatalf("%s: %v", p.PkgPath, p.Errors)
		}
		out[p.PkgPath] = p.Types
	}
	return out
}

func methods(t types.Type) []*types.Func {
	ms := types.NewMethodSet(t)
	var out []*types.Func
	for i := range ms.Len() {
		if f, ok := ms.At(i).Obj().(*types.Func); ok && f.Exported() {
			out = append(out, f)
		}
	}
	return out
}

// TestServiceClientsV2 checks the structural rules for aws-sdk-go-v2 service
// clients against real service modules: the Client type, its constructors,
// the knobs and credentials of its Options, and every method with an error
// result being an operation (and nothing else).
func TestServiceClientsV2(t *testing.T) {
	var patterns []string
	for _, s := range v2Services {
		patterns = append(patterns, modV2+"/service/"+s)
	}
	pkgs := loadTypes(t, patterns...)
	for _, s := range v2Services {
		path := modV2 + "/service/" + s
		pkg := pkgs[path]
		if pkg == nil {
			t.Fatalf("%s not loaded", path)
		}
		if sdk, ok := ServicePackage(path); !ok || sdk != V2 {
			t.Errorf("ServicePackage(%s) = %v, %v", path, sdk, ok)
		}
		client := pkg.Scope().Lookup("Client").(*types.TypeName)
		if ct, ok := ClientTypeOf(types.NewPointer(client.Type())); !ok || ct != (ClientType{V2, ServiceClient}) {
			t.Errorf("%s.Client: ClientTypeOf = %v, %v", s, ct, ok)
		}
		if !HoldsClient(types.NewSlice(types.NewPointer(client.Type()))) {
			t.Errorf("%s: HoldsClient([]*Client) = false", s)
		}
		for _, name := range []string{"New", "NewFromConfig"} {
			if c, ok := ConstructorOf(Symbol{path, "", name}); !ok || c.Kind != ServiceClient || c.SDK != V2 || c.CredArg != 0 {
				t.Errorf("%s.%s: ConstructorOf = %v, %v", s, name, c, ok)
			}
		}
		if k, ok := FieldKnob(Symbol{path, "Options", "RetryMaxAttempts"}); !ok || k.Unit != AttemptsV2 {
			t.Errorf("%s.Options.RetryMaxAttempts: FieldKnob = %v, %v", s, k, ok)
		}
		if _, ok := RetryerField(Symbol{path, "Options", "Retryer"}); !ok {
			t.Errorf("%s.Options.Retryer is not a retryer field", s)
		}
		if r, ok := CredField(Symbol{path, "Options", "Credentials"}); !ok || r != FieldProvider {
			t.Errorf("%s.Options.Credentials: CredField = %v, %v", s, r, ok)
		}
		if !EndpointField(Symbol{path, "Options", "BaseEndpoint"}) {
			t.Errorf("%s.Options.BaseEndpoint is not an endpoint field", s)
		}
		for _, f := range []string{"RetryMaxAttempts", "Retryer", "Credentials", "BaseEndpoint"} {
			if err := check(pkg, Symbol{path, "Options", f}, "field"); err != "" {
				t.Errorf("%s.Options.%s: %s", s, f, err)
			}
		}
		// Not clients: Options, inputs, outputs.
		for _, name := range []string{"Options", "EndpointParameters"} {
			if tn, _ := pkg.Scope().Lookup(name).(*types.TypeName); tn != nil {
				if _, ok := ClientTypeOf(tn.Type()); ok {
					t.Errorf("%s.%s is not a client", s, name)
				}
			}
		}
		ops := 0
		for _, m := range methods(types.NewPointer(client.Type())) {
			_, isOp := Operation(m)
			if isOp != astq.ResultIsError(m) {
				t.Errorf("%s.Client.%s: Operation = %v, error result %v", s, m.Name(), isOp, astq.ResultIsError(m))
			}
			if isOp {
				ops++
			}
		}
		if ops < 5 {
			t.Errorf("%s.Client: only %d operations", s, ops)
		}
		// Paginators and waiters of the package.
		for _, name := range pkg.Scope().Names() {
			tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
			if !ok {
				continue
			}
			for _, m := range methods(types.NewPointer(tn.Type())) {
				_, isOp := Operation(m)
				want := false
				switch {
				case len(name) > 9 && name[len(name)-9:] == "Paginator":
					want = m.Name() == "NextPage"
				case len(name) > 6 && name[len(name)-6:] == "Waiter":
					want = m.Name() == "Wait" || m.Name() == "WaitForOutput"
				case name == "PresignClient":
					// presign calls are operations that send nothing (expiryerr's presign case)
					want = astq.ResultIsError(m)
				case name == "Client":
					continue
				}
				if isOp != want {
					t.Errorf("%s.%s.%s: Operation = %v, want %v", s, name, m.Name(), isOp, want)
				}
			}
		}
	}
	// Spot checks named in docs and messages.
	for _, c := range []struct {
		pkg, typ, method string
	}{
		{"sqs", "Client", "ReceiveMessage"}, {"sqs", "Client", "DeleteMessage"},
		{"dynamodb", "Client", "GetItem"}, {"dynamodb", "QueryPaginator", "NextPage"},
		{"kinesis", "Client", "GetRecords"}, {"sns", "Client", "Publish"},
		{"sts", "Client", "GetCallerIdentity"}, {"ecs", "TasksRunningWaiter", "Wait"},
	} {
		path := modV2 + "/service/" + c.pkg
		tn := pkgs[path].Scope().Lookup(c.typ).(*types.TypeName)
		obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, pkgs[path], c.method)
		m, _ := obj.(*types.Func)
		if s, ok := Operation(m); !ok || s != V2 {
			t.Errorf("%s.%s.%s: Operation = %v, %v", c.pkg, c.typ, c.method, s, ok)
		} else if got, want := SymbolOf(m).String(), c.pkg+"."+c.typ+"."+c.method; got != want {
			t.Errorf("SymbolOf(%s).String() = %q", want, got)
		}
	}
}

// TestServiceClientsV1 checks the structural rules for aws-sdk-go (v1)
// service clients: the service type embedding *client.Client, New, the
// <Name>API interface, operations (Xxx, XxxWithContext, XxxPages,
// WaitUntilXxx) and XxxRequest builders.
func TestServiceClientsV1(t *testing.T) {
	var patterns []string
	for _, s := range v1Services {
		patterns = append(patterns, modV1+"/service/"+s, modV1+"/service/"+s+"/"+s+"iface")
	}
	pkgs := loadTypes(t, patterns...)
	for _, s := range v1Services {
		path := modV1 + "/service/" + s
		pkg := pkgs[path]
		if pkg == nil {
			t.Fatalf("%s not loaded", path)
		}
		if sdk, ok := ServicePackage(path); !ok || sdk != V1 {
			t.Errorf("ServicePackage(%s) = %v, %v", path, sdk, ok)
		}
		types_ := serviceTypesIn(pkg)
		if len(types_) != 1 {
			t.Fatalf("%s: service types %v", s, types_)
		}
		svc := types_[0]
		if ct, ok := ClientTypeOf(types.NewPointer(svc.Type())); !ok || ct != (ClientType{V1, ServiceClient}) {
			t.Errorf("%s.%s: ClientTypeOf = %v, %v", s, svc.Name(), ct, ok)
		}
		if c, ok := ConstructorOf(Symbol{path, "", "New"}); !ok || c.Kind != ServiceClient || c.SDK != V1 || c.CredArg != 0 {
			t.Errorf("%s.New: ConstructorOf = %v, %v", s, c, ok)
		}
		ops, builders := 0, 0
		for _, m := range methods(types.NewPointer(svc.Type())) {
			if SymbolOf(m).Path != path {
				continue // promoted from *client.Client
			}
			_, isOp := Operation(m)
			if isOp != astq.ResultIsError(m) {
				t.Errorf("%s.%s.%s: Operation = %v", s, svc.Name(), m.Name(), isOp)
			}
			if isOp {
				ops++
			}
			if _, ok := RequestBuilder(m); ok {
				builders++
				if len(m.Name()) < 8 || m.Name()[len(m.Name())-7:] != "Request" {
					t.Errorf("%s.%s.%s: a request builder?", s, svc.Name(), m.Name())
				}
			}
		}
		if ops < 10 || builders < 5 {
			t.Errorf("%s: %d operations, %d request builders", s, ops, builders)
		}
		// The interface package.
		ipath := path + "/" + s + "iface"
		ipkg := pkgs[ipath]
		var api *types.TypeName
		for _, name := range ipkg.Scope().Names() {
			if tn, ok := ipkg.Scope().Lookup(name).(*types.TypeName); ok && types.IsInterface(tn.Type()) {
				api = tn
			}
		}
		if api == nil {
			t.Fatalf("%s: no interface", ipath)
		}
		if _, ok := ServicePackage(ipath); ok {
			t.Errorf("%s is not a service package", ipath)
		}
		if ct, ok := ClientTypeOf(api.Type()); !ok || ct != (ClientType{V1, ServiceClient}) {
			t.Errorf("%s.%s: ClientTypeOf = %v, %v", s, api.Name(), ct, ok)
		}
		for _, m := range methods(api.Type()) {
			if _, ok := Operation(m); ok != astq.ResultIsError(m) {
				t.Errorf("%s.%s: Operation = %v", api.Name(), m.Name(), ok)
			}
		}
	}
	// A user's interface that mirrors sqs.SQS.ReceiveMessage is mirrored.
	sqsPkg := pkgs[modV1+"/service/sqs"]
	svc := serviceTypesIn(sqsPkg)[0]
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(svc.Type()), false, sqsPkg, "ReceiveMessage")
	recv := obj.(*types.Func)
	user := types.NewPackage("example.com/worker", "worker")
	sig := recv.Type().(*types.Signature)
	iface := types.NewInterfaceType([]*types.Func{types.NewFunc(0, user, "ReceiveMessage", types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()))}, nil)
	named := types.NewNamed(types.NewTypeName(0, user, "Queue", nil), iface, nil)
	iface.Complete()
	m := named.Underlying().(*types.Interface).Method(0)
	if s, op, ok := MirroredOperation(m); !ok || s != V1 || SymbolOf(op).String() != "sqs.SQS.ReceiveMessage" {
		t.Errorf("MirroredOperation(worker.Queue.ReceiveMessage) = %v, %v, %v", s, op, ok)
	}
}

func TestServicePackagePaths(t *testing.T) {
	for path, want := range map[string]SDK{
		"github.com/aws/aws-sdk-go-v2/service/sqs":                         V2,
		"github.com/aws/aws-sdk-go/service/sqs":                            V1,
		"github.com/aws/aws-sdk-go-v2/service/internal/checksum":           None,
		"github.com/aws/aws-sdk-go-v2/service/internal":                    None,
		"github.com/aws/aws-sdk-go/service/s3/s3manager":                   None,
		"github.com/aws/aws-sdk-go/service/sqs/sqsiface":                   None,
		"github.com/aws/aws-sdk-go-v2/feature/s3/manager":                  None,
		"github.com/IBM/ibm-cos-sdk-go/service/s3":                         None,
		"github.com/aws/aws-sdk-go-v2/service/":                            None,
		"example.com/app/vendor/github.com/aws/aws-sdk-go-v2/service/sqs":  None, // callers unvendor first
		"github.com/aws/aws-sdk-go-v2x/service/sqs":                        None,
		"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams":             V2,
		"github.com/aws/aws-sdk-go/service/dynamodb/dynamodbattribute":     None,
		"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue":     None,
		"github.com/aws/aws-sdk-go-v2/service/kinesis/types":               None,
		"github.com/aws/aws-sdk-go/service/kinesis/kinesisiface/something": None,
	} {
		got, ok := ServicePackage(path)
		if (want == None) == ok || (ok && got != want) {
			t.Errorf("ServicePackage(%q) = %v, %v; want %v", path, got, ok, want)
		}
	}
	if got, _ := ServicePackage(PackagePath(types.NewPackage("example.com/app/vendor/github.com/aws/aws-sdk-go-v2/service/sqs", "sqs"))); got != V2 {
		t.Error("a vendored service package is a service package")
	}
	if !v1IfacePackage(modV1+"/service/sqs/sqsiface") || v1IfacePackage(modV1+"/service/sqs/s3iface") {
		t.Error("v1IfacePackage")
	}
}

// TestReachesOnlyService: a package that imports only a service other
// than S3 reaches an SDK (rules run there); one that imports none does not.
func TestReachesOnlyService(t *testing.T) {
	sqs := types.NewPackage(modV2+"/service/sqs", "sqs")
	app := types.NewPackage("example.com/app", "app")
	app.SetImports([]*types.Package{types.NewPackage("fmt", "fmt"), sqs})
	if !Reaches(app) {
		t.Error("a package importing only service/sqs must reach the SDK")
	}
	v1 := types.NewPackage("example.com/v1app", "v1app")
	v1.SetImports([]*types.Package{types.NewPackage(modV1+"/service/kinesis", "kinesis")})
	if !Reaches(v1) {
		t.Error("a package importing only v1 service/kinesis must reach the SDK")
	}
	none := types.NewPackage("example.com/none", "none")
	none.SetImports([]*types.Package{types.NewPackage("net/http", "http"), types.NewPackage("github.com/IBM/ibm-cos-sdk-go/service/s3", "s3")})
	if Reaches(none) {
		t.Error("a package importing no SDK (a fork is none) must not reach it")
	}
}

// TestPagination checks the end-of-listing symbols against the real
// service modules: HasMorePages of v2 paginators, and the page tokens of
// operation outputs (v2 dynamodb ScanOutput.LastEvaluatedKey, s3
// ListObjectsV2Output.IsTruncated and NextContinuationToken; v1 the same
// fields), but not other fields of outputs or of inputs.
func TestPagination(t *testing.T) {
	pkgs := loadTypes(t, modV2+"/service/dynamodb", modV2+"/service/s3", modV1+"/service/s3")
	lookup := func(path, name string) types.Type {
		t.Helper()
		pkg := pkgs[path]
		if pkg == nil {
			t.Fatalf("%s not loaded", path)
		}
		tn, _ := pkg.Scope().Lookup(name).(*types.TypeName)
		if tn == nil {
			t.Fatalf("%s.%s not found", path, name)
		}
		return types.NewPointer(tn.Type())
	}
	scan := lookup(modV2+"/service/dynamodb", "ScanPaginator")
	for _, m := range methods(scan) {
		if got, want := PaginatorHasMore(m), m.Name() == "HasMorePages"; got != want {
			t.Errorf("ScanPaginator.%s: PaginatorHasMore = %v", m.Name(), got)
		}
	}
	for _, c := range []struct {
		path, typ, field string
		want             bool
	}{
		{modV2 + "/service/dynamodb", "ScanOutput", "LastEvaluatedKey", true},
		{modV2 + "/service/dynamodb", "ScanOutput", "Items", false},
		{modV2 + "/service/dynamodb", "ScanInput", "ExclusiveStartKey", false},
		{modV2 + "/service/s3", "ListObjectsV2Output", "IsTruncated", true},
		{modV2 + "/service/s3", "ListObjectsV2Output", "NextContinuationToken", true},
		{modV2 + "/service/s3", "ListObjectsV2Input", "ContinuationToken", false},
		{modV1 + "/service/s3", "ListObjectsV2Output", "IsTruncated", true},
		{modV1 + "/service/s3", "ListObjectsOutput", "NextMarker", true},
	} {
		recv := lookup(c.path, c.typ)
		obj, _, _ := types.LookupFieldOrMethod(recv, true, nil, c.field)
		if obj == nil {
			t.Errorf("%s.%s has no field %s", c.path, c.typ, c.field)
			continue
		}
		if got := PageToken(recv, obj); got != c.want {
			t.Errorf("PageToken(%s.%s) = %v, want %v", c.typ, c.field, got, c.want)
		}
	}
}
