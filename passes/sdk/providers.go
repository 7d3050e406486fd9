package sdk

import (
	"go/types"
)

// ---- Providers of the user's own (analyzers/norefresh): what tells the
// SDK's cache that credentials expire (docs/sdk-behaviour.md: providers). ----

// ExpiryField names the fields of a v2 aws.Credentials value that make the
// SDK's cache fetch again: CanExpire and Expires
// (aws/credentials.go:141-146, Expired at :153-162).
type ExpiryField int

// The expiry fields of aws.Credentials.
const (
	NotExpiryField ExpiryField = iota
	CanExpireField
	ExpiresField
)

var credExpiryFields = map[Symbol]ExpiryField{
	{V2Aws, "Credentials", "CanExpire"}: CanExpireField,
	{V2Aws, "Credentials", "Expires"}:   ExpiresField,
}

// CredExpiryField reports which expiry field of aws.Credentials field is
// (Recv = the declaring type), or NotExpiryField.
func CredExpiryField(field Symbol) ExpiryField { return credExpiryFields[field] }

// SessionTokenField is the session token field of every credential value
// type (CredValueKeyFields[2]).
const SessionTokenField = "SessionToken"

// expiryTypes are the SDKs' helpers for providers of one's own: embedded,
// they give the provider an IsExpired that compares the time given to
// SetExpiration with the clock (v1 aws/credentials/credentials.go:159-193;
// minio pkg/credentials/credentials.go:118-153).
var expiryTypes = map[Symbol]SDK{
	{V1Credentials, "", "Expiry"}:    V1,
	{MinioCredentials, "", "Expiry"}: Minio,
}

// expirySetters are the methods that set the expiry of an embedded Expiry.
var expirySetters = map[Symbol]SDK{
	{V1Credentials, "Expiry", "SetExpiration"}:    V1,
	{MinioCredentials, "Expiry", "SetExpiration"}: Minio,
}

// ExpiryType reports whether t (or *t) is an SDK's Expiry helper.
func ExpiryType(t types.Type) bool {
	_, ok := expiryTypes[TypeSymbol(t)]
	return ok
}

// ExpirySetter reports whether fn is an Expiry helper's SetExpiration.
func ExpirySetter(fn Symbol) bool {
	_, ok := expirySetters[fn]
	return ok
}

// providerInterfaces are the interfaces the v1 and minio credential caches
// (credentials.NewCredentials, credentials.New) take: a provider that says
// itself when it has expired (IsExpired).
var providerInterfaces = map[Symbol]SDK{
	{V1Credentials, "", "Provider"}:    V1,
	{MinioCredentials, "", "Provider"}: Minio,
}

// ProviderInterface returns the Provider interface of the SDK package that
// declares the credential value type t (credentials.Value of v1 or minio):
// the interface a type whose Retrieve returns t is meant to implement.
func ProviderInterface(t types.Type) (*types.Interface, SDK, bool) {
	n := NamedOf(t)
	if n == nil || n.Obj().Pkg() == nil {
		return nil, None, false
	}
	for sym, s := range providerInterfaces {
		if sym.Path != PackagePath(n.Obj().Pkg()) {
			continue
		}
		tn, _ := n.Obj().Pkg().Scope().Lookup(sym.Name).(*types.TypeName)
		if tn == nil {
			return nil, None, false
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		return iface, s, ok
	}
	return nil, None, false
}

// IsExpiredMethod is the name of the method with which a v1 or minio
// provider says its credentials must be fetched again.
const IsExpiredMethod = "IsExpired"

// stsExpirationFields are the expiry of an STS output's credentials
// (v2 service/sts/types/types.go:64-88; v1 service/sts/api.go, type
// Credentials): a *time.Time.
var stsExpirationFields = map[Symbol]SDK{
	{V2STSTypes, "Credentials", "Expiration"}: V2,
	{V1STS, "Credentials", "Expiration"}:      V1,
}

// STSExpirationField returns the name of the expiry field of an STS
// output's credentials type t, when it has a time.Time one ("Expiration").
func STSExpirationField(t types.Type) (string, bool) {
	sym := TypeSymbol(t)
	for f := range stsExpirationFields {
		if f.Path == sym.Path && f.Recv == sym.Name {
			return f.Name, true
		}
	}
	return "", false
}

// timeHelpers dereference a *time.Time (v2 aws.ToTime, v1 aws.TimeValue).
var timeHelpers = map[Symbol]SDK{
	{V2Aws, "", "ToTime"}:    V2,
	{V1Aws, "", "TimeValue"}: V1,
}

// TimeHelper returns the name of the function of the SDK's aws package
// that dereferences a *time.Time ("ToTime" in v2).
func TimeHelper(s SDK) string {
	for sym, hs := range timeHelpers {
		if hs == s {
			return sym.Name
		}
	}
	return ""
}

// Context constructors of the standard library: a context that is
// cancelled by the function they return, or ends at a deadline.
var contextCtors = map[Symbol]ContextEnd{
	{"context", "", "WithCancel"}:        EndsOnCancel,
	{"context", "", "WithCancelCause"}:   EndsOnCancel,
	{"context", "", "WithTimeout"}:       EndsAtDeadline,
	{"context", "", "WithTimeoutCause"}:  EndsAtDeadline,
	{"context", "", "WithDeadline"}:      EndsAtDeadline,
	{"context", "", "WithDeadlineCause"}: EndsAtDeadline,
}

// ContextEnd says how a context made by a standard constructor ends.
type ContextEnd int

// How contexts end.
const (
	NeverEnds      ContextEnd = iota
	EndsOnCancel              // when its cancel function is called
	EndsAtDeadline            // at a deadline, or when cancelled
)

// ContextCtor reports how a context built by fn ends.
func ContextCtor(fn Symbol) ContextEnd { return contextCtors[fn] }

// ContextType is context.Context.
var ContextType = Symbol{"context", "", "Context"}

// IsContext reports whether t is context.Context (or an alias of it: v1
// aws.Context, credentials.Context).
func IsContext(t types.Type) bool {
	if t == nil {
		return false
	}
	return TypeSymbol(t) == ContextType || TypeSymbol(types.Unalias(t)) == ContextType
}
