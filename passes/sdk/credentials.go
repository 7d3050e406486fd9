package sdk

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/credlint/credlint/passes/astq"
)

// CredKind classifies credential providers by whether they refresh.
type CredKind int

// Credential kinds.
const (
	CredStatic     CredKind = iota + 1 // fixed keys: never refresh
	CredEnv                            // read from AWS_* environment variables once: never refresh
	CredSharedFile                     // read from the shared credentials file once: never refresh
	CredRefreshing                     // fetched again before they expire (ECS, IMDS, STS, ...)
	CredAnonymous                      // no signing at all
	CredCache                          // a cache: as refreshing as the provider it wraps (Wraps)
	CredChain                          // a chain: refreshes if it ends in a refreshing provider
)

func (k CredKind) String() string {
	switch k {
	case CredStatic:
		return "static"
	case CredEnv:
		return "environment"
	case CredSharedFile:
		return "shared credentials file"
	case CredRefreshing:
		return "refreshing"
	case CredAnonymous:
		return "anonymous"
	case CredCache:
		return "cache"
	case CredChain:
		return "chain"
	}
	return "unknown"
}

// CredConstructor describes a function (or composite literal type) that
// builds a credentials provider. KeyArgs are the argument indexes (or, for
// composite literals, nothing) of the access key, secret key and session
// token; -1 where absent. Wraps is the argument index of a wrapped
// provider (caches) or of the provider list (chains).
type CredConstructor struct {
	SDK     SDK
	Kind    CredKind
	KeyArgs [3]int
	Wraps   int
	// FromCreds is the argument index of a credentials value (v1
	// NewStaticCredentialsFromCreds) that carries all three keys.
	FromCreds int
}

var noKeys = [3]int{-1, -1, -1}
var threeKeys = [3]int{0, 1, 2}

var credConstructors = map[Symbol]CredConstructor{
	// v2
	{V2Credentials, "", "NewStaticCredentialsProvider"}: {V2, CredStatic, threeKeys, -1, -1},
	{V2Aws, "", "NewCredentialsCache"}:                  {V2, CredCache, noKeys, 0, -1},
	{V2EndpointCreds, "", "New"}:                        {V2, CredRefreshing, noKeys, -1, -1},
	{V2STSCreds, "", "NewAssumeRoleProvider"}:           {V2, CredRefreshing, noKeys, -1, -1},
	{V2STSCreds, "", "NewWebIdentityRoleProvider"}:      {V2, CredRefreshing, noKeys, -1, -1},
	{V2EC2RoleCreds, "", "New"}:                         {V2, CredRefreshing, noKeys, -1, -1},
	{V2SSOCreds, "", "New"}:                             {V2, CredRefreshing, noKeys, -1, -1},
	{V2ProcessCreds, "", "NewProvider"}:                 {V2, CredRefreshing, noKeys, -1, -1},
	// v1
	{V1Credentials, "", "NewStaticCredentials"}:          {V1, CredStatic, threeKeys, -1, -1},
	{V1Credentials, "", "NewStaticCredentialsFromCreds"}: {V1, CredStatic, noKeys, -1, 0},
	{V1Credentials, "", "NewEnvCredentials"}:             {V1, CredEnv, noKeys, -1, -1},
	{V1Credentials, "", "NewSharedCredentials"}:          {V1, CredSharedFile, noKeys, -1, -1},
	{V1Credentials, "", "NewChainCredentials"}:           {V1, CredChain, noKeys, 0, -1},
	{V1Credentials, "", "NewCredentials"}:                {V1, CredCache, noKeys, 0, -1},
	{V1EndpointCreds, "", "NewCredentialsClient"}:        {V1, CredRefreshing, noKeys, -1, -1},
	{V1EndpointCreds, "", "NewProviderClient"}:           {V1, CredRefreshing, noKeys, -1, -1},
	{V1STSCreds, "", "NewCredentials"}:                   {V1, CredRefreshing, noKeys, -1, -1},
	{V1STSCreds, "", "NewCredentialsWithClient"}:         {V1, CredRefreshing, noKeys, -1, -1},
	{V1STSCreds, "", "NewWebIdentityCredentials"}:        {V1, CredRefreshing, noKeys, -1, -1},
	{V1EC2RoleCreds, "", "NewCredentials"}:               {V1, CredRefreshing, noKeys, -1, -1},
	{V1EC2RoleCreds, "", "NewCredentialsWithClient"}:     {V1, CredRefreshing, noKeys, -1, -1},
	{V1Defaults, "", "CredChain"}:                        {V1, CredRefreshing, noKeys, -1, -1},
	{V1Defaults, "", "RemoteCredProvider"}:               {V1, CredRefreshing, noKeys, -1, -1},
	// minio-go
	{MinioCredentials, "", "NewStaticV4"}:           {Minio, CredStatic, threeKeys, -1, -1},
	{MinioCredentials, "", "NewStaticV2"}:           {Minio, CredStatic, threeKeys, -1, -1},
	{MinioCredentials, "", "NewStatic"}:             {Minio, CredStatic, threeKeys, -1, -1},
	{MinioCredentials, "", "NewEnvAWS"}:             {Minio, CredEnv, noKeys, -1, -1},
	{MinioCredentials, "", "NewEnvMinio"}:           {Minio, CredEnv, noKeys, -1, -1},
	{MinioCredentials, "", "NewFileAWSCredentials"}: {Minio, CredSharedFile, noKeys, -1, -1},
	{MinioCredentials, "", "NewFileMinioClient"}:    {Minio, CredSharedFile, noKeys, -1, -1},
	{MinioCredentials, "", "NewIAM"}:                {Minio, CredRefreshing, noKeys, -1, -1},
	{MinioCredentials, "", "NewSTSAssumeRole"}:      {Minio, CredRefreshing, noKeys, -1, -1},
	{MinioCredentials, "", "NewSTSWebIdentity"}:     {Minio, CredRefreshing, noKeys, -1, -1},
	{MinioCredentials, "", "NewChainCredentials"}:   {Minio, CredChain, noKeys, 0, -1},
	{MinioCredentials, "", "New"}:                   {Minio, CredCache, noKeys, 0, -1},
}

// CredConstructorOf returns what credentials the function sym builds.
func CredConstructorOf(sym Symbol) (CredConstructor, bool) {
	c, ok := credConstructors[sym]
	return c, ok
}

// credTypes are provider types that appear as composite literals.
var credTypes = map[Symbol]CredConstructor{
	{V2Credentials, "", "StaticCredentialsProvider"}: {V2, CredStatic, noKeys, -1, -1},
	{V2Aws, "", "AnonymousCredentials"}:              {V2, CredAnonymous, noKeys, -1, -1},
	{V2Aws, "", "CredentialsCache"}:                  {V2, CredCache, noKeys, -1, -1},
	{V1Credentials, "", "StaticProvider"}:            {V1, CredStatic, noKeys, -1, -1},
	{V1Credentials, "", "EnvProvider"}:               {V1, CredEnv, noKeys, -1, -1},
	{V1Credentials, "", "SharedCredentialsProvider"}: {V1, CredSharedFile, noKeys, -1, -1},
	{V1Credentials, "", "ChainProvider"}:             {V1, CredChain, noKeys, -1, -1},
	{V1EndpointCreds, "", "Provider"}:                {V1, CredRefreshing, noKeys, -1, -1},
	{V1STSCreds, "", "AssumeRoleProvider"}:           {V1, CredRefreshing, noKeys, -1, -1},
	{V1EC2RoleCreds, "", "EC2RoleProvider"}:          {V1, CredRefreshing, noKeys, -1, -1},
	{MinioCredentials, "", "Static"}:                 {Minio, CredStatic, noKeys, -1, -1},
	{MinioCredentials, "", "EnvAWS"}:                 {Minio, CredEnv, noKeys, -1, -1},
	{MinioCredentials, "", "EnvMinio"}:               {Minio, CredEnv, noKeys, -1, -1},
	{MinioCredentials, "", "FileAWSCredentials"}:     {Minio, CredSharedFile, noKeys, -1, -1},
	{MinioCredentials, "", "FileMinioClient"}:        {Minio, CredSharedFile, noKeys, -1, -1},
	{MinioCredentials, "", "IAM"}:                    {Minio, CredRefreshing, noKeys, -1, -1},
	{MinioCredentials, "", "STSAssumeRole"}:          {Minio, CredRefreshing, noKeys, -1, -1},
	{MinioCredentials, "", "STSWebIdentity"}:         {Minio, CredRefreshing, noKeys, -1, -1},
	{MinioCredentials, "", "Chain"}:                  {Minio, CredChain, noKeys, -1, -1},
}

// CredTypeOf returns what credentials a composite literal of type t builds.
func CredTypeOf(t types.Type) (CredConstructor, bool) {
	c, ok := credTypes[TypeSymbol(t)]
	return c, ok
}

// credVars are package-level credential values.
var credVars = map[Symbol]CredConstructor{
	{V1Credentials, "", "AnonymousCredentials"}: {V1, CredAnonymous, noKeys, -1, -1},
}

// CredVarOf returns what credentials a package-level SDK variable holds.
func CredVarOf(sym Symbol) (CredConstructor, bool) {
	c, ok := credVars[sym]
	return c, ok
}

// ---- Credential flow (passes/credflow): where credentials travel. ----

// CredFieldRole says what a credential-carrying field of an SDK struct holds.
type CredFieldRole int

// Roles of credential-carrying fields.
const (
	// FieldProvider holds the credentials provider itself (aws.Config.Credentials).
	FieldProvider CredFieldRole = iota + 1
	// FieldHolder holds a config that holds the credentials
	// (v1 session.Options.Config, session.Session.Config).
	FieldHolder
)

var credFields = map[Symbol]CredFieldRole{
	{V2Aws, "Config", "Credentials"}:         FieldProvider,
	{V2Config, "LoadOptions", "Credentials"}: FieldProvider,
	{V1Aws, "Config", "Credentials"}:         FieldProvider,
	{MinioPkg, "Options", "Creds"}:           FieldProvider,
	{V1Session, "Options", "Config"}:         FieldHolder,
	{V1Session, "Session", "Config"}:         FieldHolder,
}

// CredField reports whether a struct field (Recv = declaring type) carries
// credentials, and how.
func CredField(field Symbol) (CredFieldRole, bool) {
	if r, ok := credFields[field]; ok {
		return r, true
	}
	if v2OptionsField(field, "Credentials") {
		return FieldProvider, true // every v2 service's Options.Credentials
	}
	return 0, false
}

// endpointFields hold a custom endpoint URL (a *string).
var endpointFields = map[Symbol]bool{
	{V2Aws, "Config", "BaseEndpoint"}:         true,
	{V2Config, "LoadOptions", "BaseEndpoint"}: true,
	{V1Aws, "Config", "Endpoint"}:             true,
}

// EndpointField reports whether a struct field holds a custom endpoint.
func EndpointField(field Symbol) bool {
	return endpointFields[field] || v2OptionsField(field, "BaseEndpoint")
}

// credSetters are functions and methods whose argument (index) sets the
// credentials of the config they build or are called on.
var credSetters = map[Symbol]int{
	{V2Config, "", "WithCredentialsProvider"}: 0,
	{V1Aws, "Config", "WithCredentials"}:      0,
}

// CredSetter returns the argument index of the credentials a function or
// method sets on a config.
func CredSetter(fn Symbol) (int, bool) {
	i, ok := credSetters[fn]
	return i, ok
}

// endpointSetters are functions and methods whose argument (index) is an
// endpoint: config options, v1 config setters, minio.New's endpoint.
var endpointSetters = map[Symbol]int{
	{V2Config, "", "WithBaseEndpoint"}: 0,
	{V1Aws, "Config", "WithEndpoint"}:  0,
	{MinioPkg, "", "New"}:              0,
}

// EndpointSetter returns the argument index of the endpoint a function or
// method sets.
func EndpointSetter(fn Symbol) (int, bool) {
	i, ok := endpointSetters[fn]
	return i, ok
}

// credValueTypes are plain credential values (keys, no provider): what a
// snapshot returns and what static providers are built from.
var credValueTypes = map[Symbol]SDK{
	{V2Aws, "", "Credentials"}:      V2,
	{V1Credentials, "", "Value"}:    V1,
	{MinioCredentials, "", "Value"}: Minio,
}

// CredValueKeyFields are the access key, secret key and session token
// fields of every credential value type.
var CredValueKeyFields = [3]string{"AccessKeyID", "SecretAccessKey", "SessionToken"}

// CredValueType reports whether t (or *t) is a credential value type.
func CredValueType(t types.Type) (SDK, bool) {
	s, ok := credValueTypes[TypeSymbol(t)]
	return s, ok
}

// credProviderTypes are the types (interfaces and wrappers) through which
// credential providers are passed around.
var credProviderTypes = map[Symbol]SDK{
	{V2Aws, "", "CredentialsProvider"}:     V2,
	{V2Aws, "", "CredentialsProviderFunc"}: V2,
	{V2Aws, "", "CredentialsCache"}:        V2,
	{V1Credentials, "", "Credentials"}:     V1,
	{V1Credentials, "", "Provider"}:        V1,
	{MinioCredentials, "", "Credentials"}:  Minio,
	{MinioCredentials, "", "Provider"}:     Minio,
}

// CredProviderType reports whether t (or *t) is a credentials provider
// type of an SDK (an interface, a wrapper, or a provider struct).
func CredProviderType(t types.Type) (SDK, bool) {
	sym := TypeSymbol(t)
	if s, ok := credProviderTypes[sym]; ok {
		return s, true
	}
	if c, ok := credTypes[sym]; ok {
		return c.SDK, true
	}
	return None, false
}

// CredentialsProviderFunc is the v2 function type that adapts a func into
// a provider: aws.CredentialsProviderFunc(func(ctx) (aws.Credentials, error)).
var CredentialsProviderFunc = Symbol{V2Aws, "", "CredentialsProviderFunc"}

// credEnvVars names the environment variables an environment provider reads.
var credEnvVars = map[Symbol]envVars{
	{V1Credentials, "", "NewEnvCredentials"}: awsEnvVars,
	{V1Credentials, "", "EnvProvider"}:       awsEnvVars,
	{MinioCredentials, "", "NewEnvAWS"}:      awsEnvVars,
	{MinioCredentials, "", "EnvAWS"}:         awsEnvVars,
	{MinioCredentials, "", "NewEnvMinio"}:    minioEnvVars,
	{MinioCredentials, "", "EnvMinio"}:       minioEnvVars,
}

// envVars are the variables an environment provider reads: as a message
// names them, and the ones that hold its keys (without them it has none;
// a missing session token still leaves keys).
type envVars struct {
	display string
	keys    []string
}

var (
	awsEnvVars   = envVars{"AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", []string{"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}}
	minioEnvVars = envVars{"MINIO_ROOT_USER, MINIO_ROOT_PASSWORD (or MINIO_ACCESS_KEY, MINIO_SECRET_KEY)", []string{"MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "MINIO_ACCESS_KEY", "MINIO_SECRET_KEY"}}
)

// EnvProviderVars returns the environment variables an environment provider
// constructor or type reads, as a message names them ("" if unknown).
func EnvProviderVars(sym Symbol) string { return credEnvVars[sym].display }

// EnvProviderKeyVars returns the variables that hold an environment
// provider's keys (nil if unknown): when one of them is empty, it has none.
func EnvProviderKeyVars(sym Symbol) []string { return credEnvVars[sym].keys }

// IsSessionTokenVar reports whether name is the variable of a session
// token in the default chains (DefaultChainEnvKeys): keys that come with
// one are temporary.
func IsSessionTokenVar(name string) bool { return slices.Contains(DefaultChainEnvKeys[2], name) }

// retrieveMethodNames are the method names with which a type implements a
// credentials provider (v2 Retrieve(ctx); v1 Retrieve, RetrieveWithContext;
// minio Retrieve, RetrieveWithCredContext).
var retrieveMethodNames = map[string]bool{"Retrieve": true, "RetrieveWithContext": true, "RetrieveWithCredContext": true}

// snapshotMethodNames are the names of SDK methods that return the current
// credential value of a provider.
var snapshotMethodNames = map[string]bool{"Retrieve": true, "RetrieveWithContext": true, "RetrieveWithCredContext": true, "Get": true, "GetWithContext": true}

// SnapshotMethod reports whether calling fn takes a one-time snapshot of
// credentials: a method in the snapshot table, or any SDK method named
// Retrieve*/Get* whose first result is a credential value type (e.g. v2
// (*stscreds.AssumeRoleProvider).Retrieve, v1 (*stscreds.AssumeRoleProvider).Retrieve).
func SnapshotMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sym := SymbolOf(fn)
	if _, ok := snapshotMethods[sym]; ok {
		return true
	}
	if sym.Recv == "" || SDKOf(sym.Path) == None || !snapshotMethodNames[sym.Name] {
		return false
	}
	return firstResultIsCredValue(fn)
}

// IsRetrieveMethod reports whether fn is a method named like a provider's
// Retrieve whose first result is a credential value: its receiver is a
// credentials provider (an adapter when it is the user's own type).
func IsRetrieveMethod(fn *types.Func) bool {
	if fn == nil || !retrieveMethodNames[fn.Name()] {
		return false
	}
	sig, _ := fn.Type().(*types.Signature)
	return sig != nil && sig.Recv() != nil && firstResultIsCredValue(fn)
}

func firstResultIsCredValue(fn *types.Func) bool {
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Results().Len() == 0 {
		return false
	}
	_, ok := CredValueType(sig.Results().At(0).Type())
	return ok
}

// stringPointerHelpers turn a string into a pointer (aws.String("...")).
var stringPointerHelpers = map[Symbol]bool{
	{V1Aws, "", "String"}: true,
	{V2Aws, "", "String"}: true,
}

// StringArg returns the value of a constant string expression, looking
// through the SDKs' pointer helpers (aws.String("http://localhost:9000")).
func StringArg(info *types.Info, e ast.Expr) (string, bool) {
	if s, ok := astq.StringConst(info, e); ok {
		return s, true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 && stringPointerHelpers[CalleeSymbol(info, call)] {
		return astq.StringConst(info, call.Args[0])
	}
	return "", false
}

// DefaultChainEnvKeys are the environment variables both SDKs' default
// chains read for the access key, the secret key and the session token
// (v2 config.NewEnvConfig, v1 session env_config; docs/sdk-behaviour.md: v2-chain, v1-chain).
var DefaultChainEnvKeys = [3][]string{
	{"AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY"},
	{"AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY"},
	{"AWS_SESSION_TOKEN"},
}

// Standard library symbols credflow and the rules follow.
var (
	OsUnsetenv     = Symbol{"os", "", "Unsetenv"}
	SyncOnceDo     = Symbol{"sync", "Once", "Do"}
	SyncOnceValue  = Symbol{"sync", "", "OnceValue"}
	SyncOnceValues = Symbol{"sync", "", "OnceValues"}
	SyncOnceFunc   = Symbol{"sync", "", "OnceFunc"}
)

// Snapshot methods return the current value of refreshing credentials: a
// value that is frozen once it is copied into a static provider.
var snapshotMethods = map[Symbol]SDK{
	{V2Aws, "CredentialsCache", "Retrieve"}:             V2,
	{V2Aws, "CredentialsProvider", "Retrieve"}:          V2,
	{V2Aws, "CredentialsProviderFunc", "Retrieve"}:      V2,
	{V1Credentials, "Credentials", "Get"}:               V1,
	{V1Credentials, "Credentials", "GetWithContext"}:    V1,
	{MinioCredentials, "Credentials", "Get"}:            Minio,
	{MinioCredentials, "Credentials", "GetWithContext"}: Minio,
}

// IsCredentialEnvVar reports whether name is one of the environment
// variables that both SDKs' default chains read for static keys, ahead of
// the ECS container endpoint (DefaultChainEnvKeys).
func IsCredentialEnvVar(name string) bool {
	for _, names := range DefaultChainEnvKeys {
		if slices.Contains(names, name) {
			return true
		}
	}
	return false
}

// Environment access functions of the standard library.
var (
	OsGetenv    = Symbol{"os", "", "Getenv"}
	OsLookupEnv = Symbol{"os", "", "LookupEnv"}
	OsSetenv    = Symbol{"os", "", "Setenv"}
)

// credValueFields are the fields of static provider literals that hold the
// keys (a v2 aws.Credentials, a v1 or minio credentials.Value).
var credValueFields = map[Symbol]bool{
	{V2Credentials, "StaticCredentialsProvider", "Value"}: true,
	{V1Credentials, "StaticProvider", "Value"}:            true,
	{MinioCredentials, "Static", "Value"}:                 true,
}

// CredValueField reports whether field (Recv = the literal's type) holds
// the keys of a static provider literal.
func CredValueField(field Symbol) bool { return credValueFields[field] }
