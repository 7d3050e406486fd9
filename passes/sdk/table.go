package sdk

import (
	"go/ast"
	"go/types"
	"maps"
	"slices"
	"strings"
)

// Module and package paths. Sources: ../shared/sdk-facts.md, "Identifiers a
// linter must match", checked against the module cache (v2 v1.48.0, config
// v1.33.18, s3 v1.114.10, v1 v1.55.8, minio-go v7.4.1).
const (
	modV2     = "github.com/aws/aws-sdk-go-v2"
	modSmithy = "github.com/aws/smithy-go"
	modV1     = "github.com/aws/aws-sdk-go"
	modMinio  = "github.com/minio/minio-go/v7"

	V2Aws             = modV2 + "/aws"
	V2Retry           = modV2 + "/aws/retry"
	V2Config          = modV2 + "/config"
	V2Credentials     = modV2 + "/credentials"
	V2EndpointCreds   = modV2 + "/credentials/endpointcreds"
	V2STSCreds        = modV2 + "/credentials/stscreds"
	V2EC2RoleCreds    = modV2 + "/credentials/ec2rolecreds"
	V2SSOCreds        = modV2 + "/credentials/ssocreds"
	V2ProcessCreds    = modV2 + "/credentials/processcreds"
	V2S3              = modV2 + "/service/s3"
	V2Manager         = modV2 + "/feature/s3/manager"
	V2TransferManager = modV2 + "/feature/s3/transfermanager"
	V2HTTP            = modV2 + "/aws/transport/http"
	Smithy            = modSmithy

	V1Aws           = modV1 + "/aws"
	V1Awserr        = modV1 + "/aws/awserr"
	V1Client        = modV1 + "/aws/client"
	V1Request       = modV1 + "/aws/request"
	V1Session       = modV1 + "/aws/session"
	V1Credentials   = modV1 + "/aws/credentials"
	V1EndpointCreds = modV1 + "/aws/credentials/endpointcreds"
	V1STSCreds      = modV1 + "/aws/credentials/stscreds"
	V1EC2RoleCreds  = modV1 + "/aws/credentials/ec2rolecreds"
	V1Defaults      = modV1 + "/aws/defaults"
	V1S3            = modV1 + "/service/s3"
	V1S3iface       = modV1 + "/service/s3/s3iface"
	V1S3manager     = modV1 + "/service/s3/s3manager"

	MinioPkg          = modMinio
	MinioCredentials  = modMinio + "/pkg/credentials"
	MinioNotification = modMinio + "/pkg/notification"
)

// ClientKind says what a client type is.
type ClientKind int

// Kinds of client values.
const (
	ServiceClient ClientKind = iota + 1 // issues operations of an AWS service (S3, SQS, DynamoDB, ...)
	PresignClient                       // presigns S3 requests
	Transfer                            // uploader, downloader, transfer manager
	Session                             // v1 session: a credentials holder clients are built from
	Config                              // aws.Config: a credentials holder clients are built from
)

// ClientType describes a type whose values hold credentials and talk to
// an AWS service.
type ClientType struct {
	SDK  SDK
	Kind ClientKind
}

// clientTypes are the client types that are not service clients (see
// service.go for those, s3.Client and s3.S3 included).
var clientTypes = map[Symbol]ClientType{
	{V2Manager, "", "Uploader"}:       {V2, Transfer},
	{V2Manager, "", "Downloader"}:     {V2, Transfer},
	{V2TransferManager, "", "Client"}: {V2, Transfer},
	{V2Aws, "", "Config"}:             {V2, Config},
	{V1S3manager, "", "Uploader"}:     {V1, Transfer},
	{V1S3manager, "", "Downloader"}:   {V1, Transfer},
	{V1S3manager, "", "BatchDelete"}:  {V1, Transfer},
	{V1Session, "", "Session"}:        {V1, Session},
	{V1Aws, "", "Config"}:             {V1, Config},
	{MinioPkg, "", "Client"}:          {Minio, ServiceClient},
}

// ClientTypeOf reports whether t (or *t) is a service client (of any AWS
// service: S3, SQS, DynamoDB, ...), presign client, transfer, session or
// config type of an SDK.
func ClientTypeOf(t types.Type) (ClientType, bool) {
	if c, ok := clientTypes[TypeSymbol(t)]; ok {
		return c, true
	}
	return serviceClientType(t)
}

// Constructor describes a function that builds a client, session or config.
// CredArg is the index of the argument that carries credentials (a config,
// session, options struct or client), or -1.
type Constructor struct {
	SDK     SDK
	Kind    ClientKind
	CredArg int
	// Default is true for constructors that resolve the SDK's default
	// credential chain when no credentials are given.
	Default bool
}

var constructors = map[Symbol]Constructor{
	{V2Manager, "", "NewUploader"}:                {V2, Transfer, 0, false},
	{V2Manager, "", "NewDownloader"}:              {V2, Transfer, 0, false},
	{V2TransferManager, "", "New"}:                {V2, Transfer, 0, false},
	{V2Config, "", "LoadDefaultConfig"}:           {V2, Config, -1, true},
	{V1Session, "", "New"}:                        {V1, Session, -1, true},
	{V1Session, "", "NewSession"}:                 {V1, Session, -1, true},
	{V1Session, "", "NewSessionWithOptions"}:      {V1, Session, 0, true},
	{V1Session, "", "Must"}:                       {V1, Session, 0, false},
	{V1S3manager, "", "NewUploader"}:              {V1, Transfer, 0, false},
	{V1S3manager, "", "NewUploaderWithClient"}:    {V1, Transfer, 0, false},
	{V1S3manager, "", "NewDownloader"}:            {V1, Transfer, 0, false},
	{V1S3manager, "", "NewDownloaderWithClient"}:  {V1, Transfer, 0, false},
	{V1S3manager, "", "NewBatchDelete"}:           {V1, Transfer, 0, false},
	{V1S3manager, "", "NewBatchDeleteWithClient"}: {V1, Transfer, 0, false},
	{V1Aws, "", "NewConfig"}:                      {V1, Config, -1, false},
	{MinioPkg, "", "New"}:                         {Minio, ServiceClient, 1, false},
}

// ConstructorOf returns what the function sym constructs. Service client
// constructors (s3.New, sqs.NewFromConfig, v1 dynamodb.New, ...) are
// recognised by their shape (service.go).
func ConstructorOf(sym Symbol) (Constructor, bool) {
	if c, ok := constructors[sym]; ok {
		return c, true
	}
	return serviceConstructor(sym)
}

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
var credEnvVars = map[Symbol]string{
	{V1Credentials, "", "NewEnvCredentials"}: "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN",
	{V1Credentials, "", "EnvProvider"}:       "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN",
	{MinioCredentials, "", "NewEnvAWS"}:      "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN",
	{MinioCredentials, "", "EnvAWS"}:         "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN",
	{MinioCredentials, "", "NewEnvMinio"}:    "MINIO_ROOT_USER, MINIO_ROOT_PASSWORD (or MINIO_ACCESS_KEY, MINIO_SECRET_KEY)",
	{MinioCredentials, "", "EnvMinio"}:       "MINIO_ROOT_USER, MINIO_ROOT_PASSWORD (or MINIO_ACCESS_KEY, MINIO_SECRET_KEY)",
}

// CredEnvVars returns the environment variables an environment provider
// constructor or type reads ("" if unknown).
func CredEnvVars(sym Symbol) string { return credEnvVars[sym] }

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
	if IsSnapshot(sym) {
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
	if s, ok := StringConst(info, e); ok {
		return s, true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 && stringPointerHelpers[CalleeSymbol(info, call)] {
		return StringConst(info, call.Args[0])
	}
	return "", false
}

// DefaultChainEnvKeys are the environment variables both SDKs' default
// chains read for the access key, the secret key and the session token
// (v2 config.NewEnvConfig, v1 session env_config; sdk-facts Q4, Q7).
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

// IsSnapshot reports whether the method sym returns a one-time snapshot of
// credentials.
func IsSnapshot(sym Symbol) bool {
	_, ok := snapshotMethods[sym]
	return ok
}

// CredentialEnvVars are the environment variables that both SDKs' default
// chains read for static keys, ahead of the ECS container endpoint.
var CredentialEnvVars = map[string]bool{
	"AWS_ACCESS_KEY_ID":     true,
	"AWS_ACCESS_KEY":        true,
	"AWS_SECRET_ACCESS_KEY": true,
	"AWS_SECRET_KEY":        true,
	"AWS_SESSION_TOKEN":     true,
}

// Environment access functions of the standard library.
var (
	OsGetenv    = Symbol{"os", "", "Getenv"}
	OsLookupEnv = Symbol{"os", "", "LookupEnv"}
	OsSetenv    = Symbol{"os", "", "Setenv"}
)

// KnobUnit says how a retry knob's integer counts.
type KnobUnit int

// Retry knob units, with each SDK's meaning of 0 and negative values.
const (
	// AttemptsV2 counts attempts; 0 means the default (3), negative means
	// no cap (v2 s3.Options.RetryMaxAttempts, retry.StandardOptions.MaxAttempts, ...).
	AttemptsV2 KnobUnit = iota + 1
	// RetriesV1 counts retries after the first attempt; -1 means the
	// default (3 retries) (v1 aws.Config.MaxRetries, client.DefaultRetryer.NumMaxRetries).
	RetriesV1
	// AttemptsMinio counts attempts; 0 or less means minio.MaxRetry (10)
	// (minio.Options.MaxRetries).
	AttemptsMinio
	// AttemptsMinioDefault is the package default minio.MaxRetry: attempts
	// for every client without Options.MaxRetries; 0 or less means none.
	AttemptsMinioDefault
	// NoRetryer marks a retryer value that never retries (a single attempt).
	NoRetryer
)

// Knob describes a setting that controls how many attempts an SDK makes.
type Knob struct {
	SDK  SDK
	Unit KnobUnit
	// Arg is the argument index of the value for function knobs.
	Arg int
	// DefaultZero is true for struct types whose omitted field means zero
	// retries (v1 client.DefaultRetryer).
	DefaultZero bool
	// AppliesToCredentials is true for knobs that also govern the ECS
	// credential endpoint client (v2 config.WithRetryer, sdk-facts Q3).
	AppliesToCredentials bool
}

// Attempts converts a knob value into the number of attempts it causes, and
// whether that number is finite and set (false for "default" and "no cap").
func (k Knob) Attempts(v int64) (int64, bool) {
	switch k.Unit {
	case AttemptsV2:
		return v, v > 0
	case RetriesV1:
		return v + 1, v >= 0
	case AttemptsMinio:
		return v, v > 0
	case AttemptsMinioDefault:
		if v < 0 {
			v = 0
		}
		return v, true
	case NoRetryer:
		return 1, true
	}
	return 0, false
}

var fieldKnobs = map[Symbol]Knob{
	{V2Aws, "Config", "RetryMaxAttempts"}:         {SDK: V2, Unit: AttemptsV2},
	{V2Config, "LoadOptions", "RetryMaxAttempts"}: {SDK: V2, Unit: AttemptsV2},
	{V2Retry, "StandardOptions", "MaxAttempts"}:   {SDK: V2, Unit: AttemptsV2},
	{V1Aws, "Config", "MaxRetries"}:               {SDK: V1, Unit: RetriesV1},
	{V1Client, "DefaultRetryer", "NumMaxRetries"}: {SDK: V1, Unit: RetriesV1, DefaultZero: true},
	{MinioPkg, "Options", "MaxRetries"}:           {SDK: Minio, Unit: AttemptsMinio},
}

// FieldKnob returns the retry knob a struct field is (Recv = declaring struct).
func FieldKnob(field Symbol) (Knob, bool) {
	if k, ok := fieldKnobs[field]; ok {
		return k, true
	}
	if v2OptionsField(field, "RetryMaxAttempts") {
		// every v2 service's Options.RetryMaxAttempts (sqs options.go:85-93)
		return Knob{SDK: V2, Unit: AttemptsV2}, true
	}
	return Knob{}, false
}

// StructDefaultKnobs returns, for a struct type whose omitted knob field
// means "no retries", the field's name and knob (v1 client.DefaultRetryer).
func StructDefaultKnobs(t types.Type) (string, Knob, bool) {
	ts := TypeSymbol(t)
	for f, k := range fieldKnobs {
		if k.DefaultZero && f.Path == ts.Path && f.Recv == ts.Name {
			return f.Name, k, true
		}
	}
	return "", Knob{}, false
}

var funcKnobs = map[Symbol]Knob{
	{V2Config, "", "WithRetryMaxAttempts"}: {SDK: V2, Unit: AttemptsV2, Arg: 0},
	{V2Retry, "", "AddWithMaxAttempts"}:    {SDK: V2, Unit: AttemptsV2, Arg: 1},
	{V1Aws, "Config", "WithMaxRetries"}:    {SDK: V1, Unit: RetriesV1, Arg: 0},
}

// FuncKnob returns the retry knob a function or method call sets.
func FuncKnob(fn Symbol) (Knob, bool) {
	k, ok := funcKnobs[fn]
	return k, ok
}

var varKnobs = map[Symbol]Knob{
	{MinioPkg, "", "MaxRetry"}: {SDK: Minio, Unit: AttemptsMinioDefault},
}

// VarKnob returns the retry knob a package-level SDK variable is.
func VarKnob(v Symbol) (Knob, bool) {
	k, ok := varKnobs[v]
	return k, ok
}

var noRetryerTypes = map[Symbol]Knob{
	{V2Aws, "", "NopRetryer"}:     {SDK: V2, Unit: NoRetryer},
	{V1Client, "", "NoOpRetryer"}: {SDK: V1, Unit: NoRetryer},
}

// NoRetryerType reports whether values of type t are retryers that never
// retry.
func NoRetryerType(t types.Type) (Knob, bool) {
	k, ok := noRetryerTypes[TypeSymbol(t)]
	return k, ok
}

// RetryerSetter describes a function whose argument installs a retryer.
type RetryerSetter struct {
	SDK SDK
	Arg int
	// NilDisables is true when a nil retryer means "no retries" (v1
	// request.WithRetryer).
	NilDisables bool
	// AppliesToCredentials: see Knob.
	AppliesToCredentials bool
}

var retryerSetters = map[Symbol]RetryerSetter{
	{V2Config, "", "WithRetryer"}:  {SDK: V2, Arg: 0, AppliesToCredentials: true},
	{V1Request, "", "WithRetryer"}: {SDK: V1, Arg: 1, NilDisables: true},
}

// RetryerSetterOf returns how the function sym installs a retryer.
func RetryerSetterOf(sym Symbol) (RetryerSetter, bool) {
	s, ok := retryerSetters[sym]
	return s, ok
}

// retryerFields are struct fields that hold a retryer (or a func returning one).
var retryerFields = map[Symbol]RetryerSetter{
	{V2Aws, "Config", "Retryer"}:         {SDK: V2},
	{V2Config, "LoadOptions", "Retryer"}: {SDK: V2, AppliesToCredentials: true},
	{V1Aws, "Config", "Retryer"}:         {SDK: V1},
}

// RetryerField reports whether field holds a retryer.
func RetryerField(field Symbol) (RetryerSetter, bool) {
	if s, ok := retryerFields[field]; ok {
		return s, true
	}
	if v2OptionsField(field, "Retryer") {
		return RetryerSetter{SDK: V2}, true // every v2 service's Options.Retryer
	}
	return RetryerSetter{}, false
}

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
	if fn == nil || !ResultIsError(fn) {
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
	if fn == nil || !ResultIsError(fn) {
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
// as "ExpiredToken" (sdk-facts Q6, Q8, Q11).
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
// (v1 request.credsExpiredCodes, sdk-facts Q8; S3 ExpiredToken, Q6).
var ExpiryCodes = []string{"ExpiredToken", "ExpiredTokenException", "RequestExpired"}

// intPointerHelpers turn a constant into a pointer (aws.Int(0)).
var intPointerHelpers = map[Symbol]bool{
	{V1Aws, "", "Int"}:   true,
	{V1Aws, "", "Int64"}: true,
	{V2Aws, "", "Int"}:   true,
	{V2Aws, "", "Int32"}: true,
}

// PresignExpiry describes where a presigned URL's lifetime is set: the
// argument index of a function or method, or a struct field (Arg -1).
type PresignExpiry struct {
	SDK SDK
	Arg int
	// Receiver is true for methods whose receiver is the presigning client
	// (minio) or request (v1).
	Receiver bool
}

var presignExpiries = map[Symbol]PresignExpiry{
	{V2S3, "", "WithPresignExpires"}:            {V2, 0, false},
	{V2S3, "PresignOptions", "Expires"}:         {V2, -1, false},
	{V1Request, "Request", "Presign"}:           {V1, 0, true},
	{V1Request, "Request", "PresignRequest"}:    {V1, 0, true},
	{MinioPkg, "Client", "PresignedGetObject"}:  {Minio, 3, true},
	{MinioPkg, "Client", "PresignedPutObject"}:  {Minio, 3, true},
	{MinioPkg, "Client", "PresignedHeadObject"}: {Minio, 3, true},
	{MinioPkg, "Client", "Presign"}:             {Minio, 4, true},
	{MinioPkg, "Client", "PresignHeader"}:       {Minio, 4, true},
}

// PresignExpiryOf reports whether sym (a function, method or field) sets
// how long a presigned URL is valid.
func PresignExpiryOf(sym Symbol) (PresignExpiry, bool) {
	p, ok := presignExpiries[sym]
	return p, ok
}

// NewPresignClient is v2 s3.NewPresignClient(client, optFns...).
var NewPresignClient = Symbol{V2S3, "", "NewPresignClient"}

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
