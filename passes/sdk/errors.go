package sdk

import (
	"go/types"
	"maps"
	"slices"
	"strings"

	"github.com/credlint/credlint/passes/astq"
)

// operationReceivers are the types, other than service clients (see
// service.go), whose methods with an error result are operations:
// requests whose error carries an expired token.
var operationReceivers = map[Symbol]SDK{
	{V2Manager, "", "Uploader"}:       V2,
	{V2Manager, "", "Downloader"}:     V2,
	{V2TransferManager, "", "Client"}: V2,
	{V1S3manager, "", "Uploader"}:     V1,
	{V1S3manager, "", "Downloader"}:   V1,
	{V1S3manager, "", "BatchDelete"}:  V1,
	{MinioPkg, "", "Client"}:          Minio,
}

// Operation reports whether fn is an operation of an AWS service (S3,
// SQS, DynamoDB, ...): a method of a service client, presign client,
// paginator, waiter or transfer type that sends requests and returns
// their error (service.go describes the shapes). v1 XxxRequest builders
// (no error result) are not operations; their request's Send is (see
// RequestSend).
func Operation(fn *types.Func) (SDK, bool) {
	if fn == nil || !astq.ResultIsError(fn) {
		return None, false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return None, false
	}
	sym := SymbolOf(fn)
	if notOperations[sym] {
		return None, false
	}
	if s, ok := operationReceivers[Symbol{Path: sym.Path, Name: sym.Recv}]; ok {
		return s, true
	}
	return serviceOperation(fn, sig)
}

// notOperations are methods of S3 client types with an error result that
// send no request to S3.
var notOperations = map[Symbol]bool{
	{MinioPkg, "Client", "HealthCheck"}:                 true,
	{MinioPkg, "Client", "GenerateInventoryConfigYAML"}: true,
}

// errorStreams are minio-go operations whose errors arrive not as a result
// but in the Err field of the elements they stream (api-list.go: a failed
// page sends ObjectInfo{Err: err} and ends the listing). A loop that never
// reads Err sees an expired token as a short, or empty, listing.
var errorStreams = map[Symbol]Symbol{
	{MinioPkg, "Client", "ListObjects"}:              {MinioPkg, "ObjectInfo", "Err"},
	{MinioPkg, "Client", "ListObjectsIter"}:          {MinioPkg, "ObjectInfo", "Err"},
	{MinioPkg, "Client", "ListUnsorted"}:             {MinioPkg, "ObjectInfo", "Err"},
	{MinioPkg, "Client", "ListIncompleteUploads"}:    {MinioPkg, "ObjectMultipartInfo", "Err"},
	{MinioPkg, "Client", "RemoveObjects"}:            {MinioPkg, "RemoveObjectError", "Err"},
	{MinioPkg, "Client", "RemoveObjectsWithResult"}:  {MinioPkg, "RemoveObjectResult", "Err"},
	{MinioPkg, "Client", "ListenNotification"}:       {MinioNotification, "Info", "Err"},
	{MinioPkg, "Client", "ListenBucketNotification"}: {MinioNotification, "Info", "Err"},
}

// ErrorStream reports whether fn is an S3 operation that streams its
// errors (a channel or iterator of elements with an Err field), and that
// field.
func ErrorStream(fn *types.Func) (SDK, Symbol, bool) {
	if fn == nil {
		return None, Symbol{}, false
	}
	sym := SymbolOf(fn)
	field, ok := errorStreams[sym]
	if !ok {
		return None, Symbol{}, false
	}
	return SDKOf(sym.Path), field, true
}

// MirroredOperation reports whether fn is a method of an interface type
// (the user's own, like tusd's S3API, or an SDK one like
// s3.HeadObjectAPIClient or sqsiface.SQSAPI) that mirrors an operation: a
// method of a client type, of a package the signature mentions, with the
// same name and an identical signature. It returns the SDK method.
func MirroredOperation(fn *types.Func) (SDK, *types.Func, bool) {
	if fn == nil || !astq.ResultIsError(fn) {
		return None, nil, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) {
		return None, nil, false
	}
	if s, ok := Operation(fn); ok {
		return s, fn, true
	}
	pkgs := map[string]*types.Package{}
	var visit func(t types.Type)
	visit = func(t types.Type) {
		switch t := types.Unalias(t).(type) {
		case *types.Pointer:
			visit(t.Elem())
		case *types.Slice:
			visit(t.Elem())
		case *types.Named:
			if p := t.Obj().Pkg(); p != nil {
				pkgs[p.Path()] = p
			}
		}
	}
	for _, tuple := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := range tuple.Len() {
			visit(tuple.At(i).Type())
		}
	}
	// In a fixed order, so that the answer does not depend on map order
	// when two receivers would match.
	paths := slices.Sorted(maps.Keys(pkgs))
	recvs := slices.SortedFunc(maps.Keys(operationReceivers), func(a, b Symbol) int { return strings.Compare(a.Name, b.Name) })
	for _, path := range paths {
		pkg := pkgs[path]
		var cands []*types.TypeName
		for _, recv := range recvs {
			if recv.Path != PackagePath(pkg) {
				continue
			}
			if tn, _ := pkg.Scope().Lookup(recv.Name).(*types.TypeName); tn != nil {
				cands = append(cands, tn)
			}
		}
		cands = append(cands, serviceTypesIn(pkg)...)
		for _, tn := range cands {
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), false, pkg, fn.Name())
			if types.IsInterface(tn.Type()) {
				obj, _, _ = types.LookupFieldOrMethod(tn.Type(), false, pkg, fn.Name())
			}
			m, _ := obj.(*types.Func)
			if m == nil || !types.Identical(m.Type(), fn.Type()) {
				continue
			}
			if s, ok := Operation(m); ok {
				return s, m, true
			}
		}
	}
	return None, nil, false
}

// RequestBuilder reports whether fn is a v1 XxxRequest builder of a
// service client (s3.S3.GetObjectRequest, sqs.SQS.ReceiveMessageRequest):
// it returns a *request.Request, whose Send is the operation, and an
// output, but no error.
func RequestBuilder(fn *types.Func) (SDK, bool) {
	if fn == nil {
		return None, false
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil || sig.Results().Len() == 0 {
		return None, false
	}
	if TypeSymbol(sig.Results().At(0).Type()) != (Symbol{V1Request, "", "Request"}) {
		return None, false
	}
	sym := SymbolOf(fn)
	if s, ok := operationReceivers[Symbol{Path: sym.Path, Name: sym.Recv}]; ok {
		return s, true
	}
	if ct, ok := serviceClientType(sig.Recv().Type()); ok && ct.SDK == V1 {
		return V1, true
	}
	return None, false
}

// HeadOperations are S3 operations whose responses have no body: an expired
// token arrives as "BadRequest" (v2, v1) or "400 Bad Request" (minio), never
// as "ExpiredToken" (docs/sdk-behaviour.md: v2-errors, v1-expire-on-retry, minio-retries).
var headOperations = map[Symbol]bool{
	{V2S3, "Client", "HeadObject"}:                true,
	{V2S3, "Client", "HeadBucket"}:                true,
	{V1S3, "S3", "HeadObject"}:                    true,
	{V1S3, "S3", "HeadObjectWithContext"}:         true,
	{V1S3, "S3", "HeadBucket"}:                    true,
	{V1S3, "S3", "HeadBucketWithContext"}:         true,
	{V1S3iface, "S3API", "HeadObject"}:            true,
	{V1S3iface, "S3API", "HeadObjectWithContext"}: true,
	{V1S3iface, "S3API", "HeadBucket"}:            true,
	{V1S3iface, "S3API", "HeadBucketWithContext"}: true,
	{MinioPkg, "Client", "StatObject"}:            true,
	{MinioPkg, "Client", "BucketExists"}:          true,
	// v1 request builders: their Send is the HEAD request.
	{V1S3, "S3", "HeadObjectRequest"}:         true,
	{V1S3, "S3", "HeadBucketRequest"}:         true,
	{V1S3iface, "S3API", "HeadObjectRequest"}: true,
	{V1S3iface, "S3API", "HeadBucketRequest"}: true,
}

// IsHeadOperation reports whether fn is a HEAD request to S3.
func IsHeadOperation(fn *types.Func) bool {
	return fn != nil && headOperations[SymbolOf(fn)]
}

// RequestSend is v1 (*request.Request).Send: the operation behind an
// XxxRequest builder.
var RequestSend = Symbol{V1Request, "Request", "Send"}

// Classifier describes an SDK symbol that classifies errors by code.
type Classifier struct {
	SDK SDK
	// Unwraps is false for classifiers that look only at the error itself
	// (minio.ToErrorResponse's type switch, v1 IsErrorExpiredCreds'
	// type assertion), so a wrapped error is never recognised.
	Unwraps bool
}

// errorTypes are SDK types that errors.As / a type assertion / a type switch
// classify an error into.
var errorTypes = map[Symbol]Classifier{
	{Smithy, "", "APIError"}:         {V2, true},
	{Smithy, "", "GenericAPIError"}:  {V2, true},
	{Smithy, "", "OperationError"}:   {V2, true},
	{V2HTTP, "", "ResponseError"}:    {V2, true},
	{V1Awserr, "", "Error"}:          {V1, true},
	{V1Awserr, "", "RequestFailure"}: {V1, true},
	{MinioPkg, "", "ErrorResponse"}:  {Minio, true},
}

// ErrorType reports whether t (or *t) is an SDK error type used for
// classification. Any named type of an SDK package that implements error
// (e.g. *types.NoSuchKey) also counts.
func ErrorType(t types.Type) (Classifier, bool) {
	sym := TypeSymbol(t)
	if c, ok := errorTypes[sym]; ok {
		return c, true
	}
	if s := SDKOf(sym.Path); s != None && types.Implements(t, errorInterface) {
		return Classifier{s, true}, true
	}
	return Classifier{}, false
}

var errorInterface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

var classifierFuncs = map[Symbol]Classifier{
	{MinioPkg, "", "ToErrorResponse"}:        {Minio, false},
	{V1Request, "", "IsErrorExpiredCreds"}:   {V1, false},
	{V1Request, "", "IsErrorRetryable"}:      {V1, false},
	{V1Request, "", "IsErrorThrottle"}:       {V1, false},
	{V1Request, "Request", "IsErrorExpired"}: {V1, false},
}

// ClassifierFunc reports whether fn classifies an error by code.
func ClassifierFunc(fn Symbol) (Classifier, bool) {
	c, ok := classifierFuncs[fn]
	return c, ok
}

// expiryClassifiers are the classifier functions that test for an expiry
// code (v1 request.credsExpiredCodes: ExpiredToken, ExpiredTokenException,
// RequestExpired).
var expiryClassifiers = map[Symbol]bool{
	{V1Request, "", "IsErrorExpiredCreds"}:   true,
	{V1Request, "Request", "IsErrorExpired"}: true,
}

// ExpiryClassifier reports whether fn tests an error for an expiry code.
func ExpiryClassifier(fn Symbol) bool { return expiryClassifiers[fn] }

// errorCodeMethods return an SDK error's code (v2 smithy.APIError.ErrorCode,
// v1 awserr.Error.Code). Any ErrorCode method of an SDK error type (a
// modeled error such as *types.NoSuchKey) counts too.
var errorCodeMethods = map[Symbol]SDK{
	{Smithy, "APIError", "ErrorCode"}:        V2,
	{Smithy, "GenericAPIError", "ErrorCode"}: V2,
	{V1Awserr, "Error", "Code"}:              V1,
	{V1Awserr, "RequestFailure", "Code"}:     V1,
}

// ErrorCodeMethod reports whether fn returns the code of an SDK error.
func ErrorCodeMethod(fn *types.Func) (SDK, bool) {
	if fn == nil {
		return None, false
	}
	sym := SymbolOf(fn)
	if s, ok := errorCodeMethods[sym]; ok {
		return s, true
	}
	sig, _ := fn.Type().(*types.Signature)
	if sym.Name != "ErrorCode" || sig == nil || sig.Recv() == nil {
		return None, false
	}
	if c, ok := ErrorType(sig.Recv().Type()); ok {
		return c.SDK, true
	}
	return None, false
}

// errorCodeFields hold an SDK error's code (minio ErrorResponse.Code).
var errorCodeFields = map[Symbol]SDK{
	{MinioPkg, "ErrorResponse", "Code"}: Minio,
}

// ErrorCodeField reports whether field (Recv = declaring struct) holds the
// code of an SDK error.
func ErrorCodeField(field Symbol) (SDK, bool) {
	s, ok := errorCodeFields[field]
	return s, ok
}

// ExpiryCodes are the error codes that mean the credentials have expired
// (v1 request.credsExpiredCodes, docs/sdk-behaviour.md: v1-expire-on-retry; S3 ExpiredToken: v2-errors).
var ExpiryCodes = []string{"ExpiredToken", "ExpiredTokenException", "RequestExpired"}

// expiryCodePhrases are the lower-case forms of the texts that hold an
// expiry code (ExpiryCodes: "expiredtoken" covers ExpiredTokenException);
// expiryMessagePhrases those of the message ("The provided token has
// expired"), which mean expiry next to "token".
var (
	expiryCodePhrases    = []string{"expiredtoken", "requestexpired"}
	expiryMessagePhrases = []string{"has expired", "is expired"}
)

// ExpiryText reports whether a constant text tested against an error's
// text means expired credentials: it holds an expiry code, or a token
// that has expired.
func ExpiryText(s string) bool {
	l := strings.ToLower(s)
	if containsAny(l, expiryCodePhrases) {
		return true
	}
	return strings.Contains(l, "token") && containsAny(l, expiryMessagePhrases)
}

// MayBePartOfExpiryText reports whether a text may be, or be part of, one
// that ExpiryText accepts: it holds one of their key phrases, or starts or
// ends with "expired" ("Expired" + "Token"), in any case. A code or text
// split elsewhere ("Exp" + "iredToken") is missed. Drivers use it to skip
// code that cannot classify expiry.
func MayBePartOfExpiryText(s string) bool {
	l := strings.ToLower(strings.Trim(s, " "))
	if containsAny(l, expiryCodePhrases) || containsAny(l, expiryMessagePhrases) {
		return true
	}
	return strings.HasPrefix(l, "expired") || strings.HasSuffix(l, "expired")
}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}
