package sdk

import (
	"go/types"
	"strings"
)

// Every AWS service client, recognised by the shape the SDKs' code
// generators give it rather than by a list of some 400 services.
//
// aws-sdk-go-v2: each service is its own package
// github.com/aws/aws-sdk-go-v2/service/<name> with
//
//	type Client struct{ options Options }                       // service/sqs/api_client.go:186
//	func New(options Options, optFns ...func(*Options)) *Client  // api_client.go:196
//	func NewFromConfig(cfg aws.Config, optFns ...func(*Options)) *Client // api_client.go:562
//	type Options struct{ BaseEndpoint *string; Credentials aws.CredentialsProvider;
//		RetryMaxAttempts int; Retryer aws.Retryer; ... }        // options.go:23-108
//	func (c *Client) ReceiveMessage(ctx context.Context, params *ReceiveMessageInput,
//		optFns ...func(*Options)) (*ReceiveMessageOutput, error) // api_op_ReceiveMessage.go:54
//
// (line numbers from service/sqs v1.53.0; every service package has the
// same files), paginators (*XxxPaginator).NextPage and waiters
// (*XxxWaiter).Wait / WaitForOutput, and, in a few services (s3, sts, ec2,
// polly), a PresignClient.
//
// aws-sdk-go (v1): each service is a package
// github.com/aws/aws-sdk-go/service/<name> with
//
//	type SQS struct{ *client.Client }                          // service/sqs/service.go
//	func New(p client.ConfigProvider, cfgs ...*aws.Config) *SQS // service.go:51
//	func (c *SQS) ReceiveMessageRequest(input *ReceiveMessageInput) (req *request.Request, output *ReceiveMessageOutput) // api.go:2005
//	func (c *SQS) ReceiveMessage(input *ReceiveMessageInput) (*ReceiveMessageOutput, error)                           // api.go:2143
//	func (c *SQS) ReceiveMessageWithContext(ctx aws.Context, input *ReceiveMessageInput, opts ...request.Option) (*ReceiveMessageOutput, error) // api.go:2157
//
// plus XxxPages(WithContext) and WaitUntilXxx(WithContext), all with an
// error result (aws-sdk-go v1.55.8), and an interface <Name>API in
// service/<name>/<name>iface.
//
// A fork of an SDK under another import path is not the SDK (SDKOf), and
// vendored copies resolve through PackagePath, as for every other symbol.

const (
	v2ServicePrefix = modV2 + "/service/"
	v1ServicePrefix = modV1 + "/service/"
)

// ServicePackage reports whether path (vendor prefix removed) is the
// package of an AWS service client, and of which SDK: v2
// .../aws-sdk-go-v2/service/<name> or v1 .../aws-sdk-go/service/<name>
// (not their sub-packages: s3manager, s3iface, internal helpers).
func ServicePackage(path string) (SDK, bool) {
	if name, ok := strings.CutPrefix(path, v2ServicePrefix); ok && name != "" && !strings.Contains(name, "/") && name != "internal" {
		return V2, true
	}
	if name, ok := strings.CutPrefix(path, v1ServicePrefix); ok && name != "" && !strings.Contains(name, "/") {
		return V1, true
	}
	return None, false
}

// v1IfacePackage reports whether path is a v1 service's interface package,
// .../aws-sdk-go/service/<name>/<name>iface.
func v1IfacePackage(path string) bool {
	rest, ok := strings.CutPrefix(path, v1ServicePrefix)
	if !ok {
		return false
	}
	name, sub, ok := strings.Cut(rest, "/")
	return ok && name != "" && sub == name+"iface"
}

// serviceClientType recognises a service client type by its shape: v2
// Client (and PresignClient) of a service package, v1 service struct
// embedding *client.Client, v1 <Name>API interface of a <name>iface
// package.
func serviceClientType(t types.Type) (ClientType, bool) {
	n := NamedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return ClientType{}, false
	}
	path := PackagePath(n.Obj().Pkg())
	name := n.Obj().Name()
	if s, ok := ServicePackage(path); ok {
		switch s {
		case V2:
			if _, ok := n.Underlying().(*types.Struct); !ok {
				return ClientType{}, false
			}
			switch name {
			case "Client":
				return ClientType{V2, ServiceClient}, true
			case "PresignClient":
				return ClientType{V2, PresignClient}, true
			}
		case V1:
			if embedsV1Client(n) {
				return ClientType{V1, ServiceClient}, true
			}
		}
		return ClientType{}, false
	}
	if v1IfacePackage(path) && strings.HasSuffix(name, "API") && types.IsInterface(n) {
		return ClientType{V1, ServiceClient}, true
	}
	return ClientType{}, false
}

// embedsV1Client reports whether n is a struct with an embedded
// *client.Client (aws-sdk-go's service types).
func embedsV1Client(n *types.Named) bool {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		if !f.Embedded() {
			continue
		}
		if _, ok := types.Unalias(f.Type()).(*types.Pointer); ok && TypeSymbol(f.Type()) == (Symbol{V1Client, "", "Client"}) {
			return true
		}
	}
	return false
}

// serviceConstructor recognises a service client constructor: v2 New,
// NewFromConfig and NewPresignClient of a service package, v1 New of a
// service package. The credentials travel in argument 0 (the Options, the
// aws.Config, the client, the session) and the trailing options or configs.
func serviceConstructor(sym Symbol) (Constructor, bool) {
	if sym.Recv != "" {
		return Constructor{}, false
	}
	switch s, _ := ServicePackage(sym.Path); {
	case s == V2 && (sym.Name == "New" || sym.Name == "NewFromConfig"):
		return Constructor{V2, ServiceClient, 0, false}, true
	case s == V2 && sym.Name == "NewPresignClient":
		return Constructor{V2, PresignClient, 0, false}, true
	case s == V1 && sym.Name == "New":
		return Constructor{V1, ServiceClient, 0, false}, true
	}
	return Constructor{}, false
}

// v2OptionsField reports whether field (Recv = declaring struct) is the
// named field of a v2 service's Options.
func v2OptionsField(field Symbol, name string) bool {
	if field.Recv != "Options" || field.Name != name {
		return false
	}
	s, ok := ServicePackage(field.Path)
	return ok && s == V2
}

// serviceOperation recognises an operation of a service client by its
// shape: a method of a v2 Client taking (context.Context, *XxxInput, ...)
// and returning (*XxxOutput, error) of the same package, or of a v2
// PresignClient (Presign* with an error result); NextPage of a v2
// paginator and Wait/WaitForOutput of a v2 waiter; any method with an
// error result of a v1 service type or <Name>API interface.
func serviceOperation(fn *types.Func, sig *types.Signature) (SDK, bool) {
	ct, ok := serviceClientType(sig.Recv().Type())
	if !ok {
		n := NamedOf(sig.Recv().Type())
		if n == nil || n.Obj().Pkg() == nil {
			return None, false
		}
		if s, ok := ServicePackage(PackagePath(n.Obj().Pkg())); !ok || s != V2 {
			return None, false
		}
		name := n.Obj().Name()
		switch {
		case strings.HasSuffix(name, "Paginator") && fn.Name() == "NextPage":
			return V2, true
		case strings.HasSuffix(name, "Waiter") && (fn.Name() == "Wait" || fn.Name() == "WaitForOutput"):
			return V2, true
		}
		return None, false
	}
	switch {
	case ct.SDK == V1:
		return V1, true
	case ct.Kind == PresignClient:
		return V2, strings.HasPrefix(fn.Name(), "Presign")
	}
	return V2, v2OperationShape(fn, sig)
}

// v2OperationShape reports whether sig is (ctx context.Context, params
// *XxxInput, ...) (*XxxOutput, error) with Xxx the method's name and the
// input and output types of the method's package.
func v2OperationShape(fn *types.Func, sig *types.Signature) bool {
	p, r := sig.Params(), sig.Results()
	if p.Len() < 2 || r.Len() != 2 {
		return false
	}
	// Compared by path and name, not by object identity or SymbolOf: a
	// package loaded from export data need not share *types.Package
	// objects, nor scope parents, with one loaded from source.
	ctx := NamedOf(p.At(0).Type())
	if ctx == nil || ctx.Obj().Pkg() == nil || ctx.Obj().Pkg().Path() != "context" || ctx.Obj().Name() != "Context" {
		return false
	}
	in, out := NamedOf(p.At(1).Type()), NamedOf(r.At(0).Type())
	if in == nil || out == nil || in.Obj().Pkg() == nil || out.Obj().Pkg() == nil || fn.Pkg() == nil {
		return false
	}
	if in.Obj().Pkg().Path() != fn.Pkg().Path() || out.Obj().Pkg().Path() != fn.Pkg().Path() {
		return false
	}
	return in.Obj().Name() == fn.Name()+"Input" && out.Obj().Name() == fn.Name()+"Output"
}

// serviceTypesIn returns the service client types of pkg (for
// MirroredOperation): v2 Client and PresignClient, or the v1 service type
// (the result of New).
func serviceTypesIn(pkg *types.Package) []*types.TypeName {
	s, ok := ServicePackage(PackagePath(pkg))
	if !ok {
		return nil
	}
	var names []string
	switch s {
	case V2:
		names = []string{"Client", "PresignClient"}
	case V1:
		fn, _ := pkg.Scope().Lookup("New").(*types.Func)
		if fn == nil {
			return nil
		}
		sig, _ := fn.Type().(*types.Signature)
		if sig == nil || sig.Results().Len() != 1 {
			return nil
		}
		n := NamedOf(sig.Results().At(0).Type())
		if n == nil {
			return nil
		}
		names = []string{n.Obj().Name()}
	}
	var out []*types.TypeName
	for _, name := range names {
		tn, _ := pkg.Scope().Lookup(name).(*types.TypeName)
		if tn == nil {
			continue
		}
		if _, ok := serviceClientType(tn.Type()); ok {
			out = append(out, tn)
		}
	}
	return out
}

// OperationService names the AWS service an operation (or v1 request
// builder) talks to, as its package is named: "sqs" for sqs.Client.
// ReceiveMessage or sqsiface.SQSAPI.ReceiveMessage, "s3" for S3 clients,
// transfer types and minio-go. Expiry error codes differ by service (S3
// answers ExpiredToken; JSON-protocol services such as DynamoDB and Kinesis
// ExpiredTokenException), so advice depends on it. "" if fn is not an
// operation of a known client.
func OperationService(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	sym := SymbolOf(fn)
	if _, ok := operationReceivers[Symbol{Path: sym.Path, Name: sym.Recv}]; ok {
		return "s3" // s3 transfer types and minio-go
	}
	path := sym.Path
	if v1IfacePackage(path) {
		path = path[:strings.LastIndex(path, "/")]
	}
	if _, ok := ServicePackage(path); ok {
		return path[strings.LastIndex(path, "/")+1:]
	}
	return ""
}

// PaginatorHasMore reports whether fn is HasMorePages of a v2 paginator
// (*XxxPaginator of a service package): false once the last page is read,
// so a loop that ends when it is false is finite. On an error NextPage
// leaves the paginator as it was (service/dynamodb v1.74.0
// api_op_Scan.go:591-617: firstPage and nextToken change only after a
// successful call).
func PaginatorHasMore(fn *types.Func) bool {
	if fn == nil || fn.Name() != "HasMorePages" {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return false
	}
	n := NamedOf(sig.Recv().Type())
	if n == nil || n.Obj().Pkg() == nil || !strings.HasSuffix(n.Obj().Name(), "Paginator") {
		return false
	}
	s, ok := ServicePackage(PackagePath(n.Obj().Pkg()))
	return ok && s == V2
}

// PageToken reports whether field, selected on a value of type recv, is
// the field of an operation's output that says whether another page
// follows: NextToken, NextMarker, NextContinuationToken, ... (every Next*
// field), IsTruncated, Truncated and LastEvaluatedKey of an XxxOutput
// struct of a v1 or v2 service package (v2 service/dynamodb
// api_op_Scan.go:620 takes the next page's key from
// ScanOutput.LastEvaluatedKey; v1 s3 ListObjectsV2Output has IsTruncated
// and NextContinuationToken).
func PageToken(recv types.Type, field types.Object) bool {
	v, ok := field.(*types.Var)
	if !ok || !v.IsField() {
		return false
	}
	switch name := v.Name(); {
	case strings.HasPrefix(name, "Next"), name == "IsTruncated", name == "Truncated", name == "LastEvaluatedKey":
	default:
		return false
	}
	n := NamedOf(recv)
	if n == nil || n.Obj().Pkg() == nil || !strings.HasSuffix(n.Obj().Name(), "Output") {
		return false
	}
	_, ok = ServicePackage(PackagePath(n.Obj().Pkg()))
	return ok
}
