package sdk

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/credlint/credlint/passes/astq"
)

// Credentials that escape the SDK's refresh machinery: the output of STS
// calls, and the places credentials are handed to another process.

// STS packages.
const (
	V2STSTypes = modV2 + "/service/sts/types"
	V1STS      = modV1 + "/service/sts"
	V2SSOTypes = modV2 + "/service/sso/types"
	V1SSO      = modV1 + "/service/sso"
)

// stsCredTypes are the credential types of STS outputs (AssumeRole,
// AssumeRoleWithWebIdentity, AssumeRoleWithSAML, GetSessionToken,
// GetFederationToken): temporary keys with a session token and an
// Expiration (v2 service/sts/types/types.go:64-88; v1 service/sts/api.go,
// type Credentials). Their key fields are AccessKeyId, SecretAccessKey and
// SessionToken (*string).
var stsCredTypes = map[Symbol]SDK{
	{V2STSTypes, "", "Credentials"}: V2,
	{V1STS, "", "Credentials"}:      V1,
	// SSO GetRoleCredentials: the same temporary keys (v2
	// service/sso/types/types.go RoleCredentials; v1 service/sso/api.go:1125).
	{V2SSOTypes, "", "RoleCredentials"}: V2,
	{V1SSO, "", "RoleCredentials"}:      V1,
}

// STSCredentialsType reports whether t (or *t) is the credentials type of
// an STS output: temporary credentials that expire (15 minutes to 36
// hours) and are never refreshed by whoever copies them.
func STSCredentialsType(t types.Type) (SDK, bool) {
	s, ok := stsCredTypes[TypeSymbol(t)]
	return s, ok
}

// STSKeyFields are the access key, secret key and session token fields of
// the STS credentials types.
var STSKeyFields = [3]string{"AccessKeyId", "SecretAccessKey", "SessionToken"}

// Signer packages.
const (
	V2SignerV4  = modV2 + "/aws/signer/v4"
	MinioSigner = modMinio + "/pkg/signer"
)

// Signer describes a function or method that signs a request with the
// credentials it is given: Value is the argument index of a credential
// value (aws.Credentials), Keys those of the access key, secret key and
// session token strings (-1 where absent).
type Signer struct {
	SDK   SDK
	Value int
	Keys  [3]int
}

var (
	noValue  = -1
	minioV4  = [3]int{1, 2, 3} // (req, accessKeyID, secretAccessKey, sessionToken, ...)
	minioTwo = [3]int{1, 2, -1}
)

// signers sign with the credentials they are passed, each time
// (v2 aws/signer/v4/v4.go:70-71,268,340-343; minio pkg/signer
// request-signature-v4.go:210,303,408-441, request-signature-v2.go:60,130,
// request-signature-streaming.go:306,354,401).
var signers = map[Symbol]Signer{
	{V2SignerV4, "Signer", "SignHTTP"}:           {V2, 1, noKeys},
	{V2SignerV4, "Signer", "PresignHTTP"}:        {V2, 1, noKeys},
	{V2SignerV4, "HTTPSigner", "SignHTTP"}:       {V2, 1, noKeys},
	{MinioSigner, "", "SignV4"}:                  {Minio, noValue, minioV4},
	{MinioSigner, "", "SignV4Express"}:           {Minio, noValue, minioV4},
	{MinioSigner, "", "SignV4Outposts"}:          {Minio, noValue, minioV4},
	{MinioSigner, "", "SignV4WithServiceType"}:   {Minio, noValue, minioV4},
	{MinioSigner, "", "SignV4Trailer"}:           {Minio, noValue, minioV4},
	{MinioSigner, "", "SignV4TrailerExpress"}:    {Minio, noValue, minioV4},
	{MinioSigner, "", "SignV4TrailerOutposts"}:   {Minio, noValue, minioV4},
	{MinioSigner, "", "PreSignV4"}:               {Minio, noValue, minioV4},
	{MinioSigner, "", "PreSignV4Outposts"}:       {Minio, noValue, minioV4},
	{MinioSigner, "", "StreamingSignV4"}:         {Minio, noValue, minioV4},
	{MinioSigner, "", "StreamingSignV4Express"}:  {Minio, noValue, minioV4},
	{MinioSigner, "", "StreamingSignV4Outposts"}: {Minio, noValue, minioV4},
	{MinioSigner, "", "SignV4STS"}:               {Minio, noValue, minioTwo},
	{MinioSigner, "", "SignV2"}:                  {Minio, noValue, minioTwo},
	{MinioSigner, "", "PreSignV2"}:               {Minio, noValue, minioTwo},
}

// SignerOf reports whether the function or method sym signs requests with
// credentials passed as arguments.
func SignerOf(sym Symbol) (Signer, bool) {
	s, ok := signers[sym]
	return s, ok
}

// baseKeyFields are the key fields of options with which a refreshing
// provider is built on base credentials it keeps: minio STSAssumeRole
// signs every AssumeRole call with them (pkg/credentials/assume_role.go:93-98).
var baseKeyFields = map[Symbol]SDK{
	{MinioCredentials, "STSAssumeRoleOptions", "AccessKey"}:    Minio,
	{MinioCredentials, "STSAssumeRoleOptions", "SecretKey"}:    Minio,
	{MinioCredentials, "STSAssumeRoleOptions", "SessionToken"}: Minio,
}

// BaseKeyField reports whether a struct field (Recv = declaring type)
// holds the base keys a refreshing provider keeps and signs with.
func BaseKeyField(field Symbol) bool {
	_, ok := baseKeyFields[field]
	return ok
}

// Places where Go code hands environment variables to another process or
// container.
const (
	V2ECSTypes = modV2 + "/service/ecs/types"
	V1ECS      = modV1 + "/service/ecs"
)

// envSliceFields are []string fields of "NAME=value" entries that become
// another process's environment: exec.Cmd.Env, os.ProcAttr.Env.
var envSliceFields = map[Symbol]bool{
	{"os/exec", "Cmd", "Env"}: true,
	{"os", "ProcAttr", "Env"}: true,
}

// EnvSliceField reports whether a struct field (Recv = declaring type) is
// the environment of another process.
func EnvSliceField(field Symbol) bool { return envSliceFields[field] }

// envPairTypes are name/value pairs that become a container's environment:
// ECS KeyValuePair in ContainerOverride.Environment (RunTask, StartTask)
// and ContainerDefinition.Environment (RegisterTaskDefinition) (v2
// service/ecs/types/types.go:11422-11433; v1 service/ecs/api.go, type
// KeyValuePair). Name and Value are *string.
var envPairTypes = map[Symbol]SDK{
	{V2ECSTypes, "", "KeyValuePair"}: V2,
	{V1ECS, "", "KeyValuePair"}:      V1,
}

// EnvPairType reports whether t (or *t) is a name/value pair of a
// container's environment.
func EnvPairType(t types.Type) (SDK, bool) {
	s, ok := envPairTypes[TypeSymbol(t)]
	return s, ok
}

// FmtSprintf is fmt.Sprintf: "AWS_ACCESS_KEY_ID=%s" entries are built with it.
var FmtSprintf = Symbol{"fmt", "", "Sprintf"}

// EnvEntry splits an environment entry "NAME=value" built as a constant, a
// concatenation ("AWS_ACCESS_KEY_ID=" + key) or fmt.Sprintf("AWS_ACCESS_KEY_ID=%s",
// key): it returns the variable's name and the expression of its value
// (nil when the whole entry is a constant).
func EnvEntry(info *types.Info, e ast.Expr) (name string, value ast.Expr, ok bool) {
	e = ast.Unparen(e)
	if s, ok := astq.StringConst(info, e); ok {
		name, _, ok := strings.Cut(s, "=")
		return name, nil, ok && name != ""
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op != token.ADD {
			return "", nil, false
		}
		// Leftmost constant operand: ("AWS_X=" + a) + b.
		left, right := x.X, x.Y
		for {
			if b, ok := ast.Unparen(left).(*ast.BinaryExpr); ok && b.Op == token.ADD {
				if _, isConst := astq.StringConst(info, b); !isConst {
					left, right = b.X, b.Y
					continue
				}
			}
			break
		}
		s, ok := astq.StringConst(info, left)
		if !ok {
			return "", nil, false
		}
		name, _, ok := strings.Cut(s, "=")
		if !ok || name == "" {
			return "", nil, false
		}
		return name, right, true
	case *ast.CallExpr:
		if CalleeSymbol(info, x) != FmtSprintf || len(x.Args) < 2 {
			return "", nil, false
		}
		s, ok := astq.StringConst(info, x.Args[0])
		if !ok {
			return "", nil, false
		}
		name, _, ok := strings.Cut(s, "=")
		if !ok || name == "" {
			return "", nil, false
		}
		return name, x.Args[1], true
	}
	return "", nil, false
}

// HTTPTestServer is net/http/httptest.Server: a client whose endpoint is
// its URL talks to a fake, never to AWS.
var HTTPTestServer = Symbol{"net/http/httptest", "", "Server"}

// presignMethods sign a URL and send nothing (besides the methods of a
// presign client): minio api-presigned.go:69-116; v1 aws/request
// Request.Presign, PresignRequest.
var presignMethods = map[Symbol]SDK{
	{MinioPkg, "Client", "PresignedGetObject"}:  Minio,
	{MinioPkg, "Client", "PresignedHeadObject"}: Minio,
	{MinioPkg, "Client", "PresignedPutObject"}:  Minio,
	{MinioPkg, "Client", "PresignedPostPolicy"}: Minio,
	{MinioPkg, "Client", "Presign"}:             Minio,
	{MinioPkg, "Client", "PresignHeader"}:       Minio,
	{V1Request, "Request", "Presign"}:           V1,
	{V1Request, "Request", "PresignRequest"}:    V1,
}

// PresignCall reports whether calling fn presigns a request: a method of
// a presign client (v2 s3.PresignClient) or a presign method of minio or
// v1. Presigning sends no request and never sees ExpiredToken: it is not
// an S3 operation for error handling.
func PresignCall(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if _, ok := presignMethods[SymbolOf(fn)]; ok {
		return true
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		return false
	}
	c, ok := ClientTypeOf(sig.Recv().Type())
	return ok && c.Kind == PresignClient
}

// configMerges are methods that return a copy of a config or session with
// the configs they are given merged in (a non-nil Credentials of an
// argument replaces the copy's): v1 aws/session/session.go:858-866,
// aws/config.go:519-536,661-670.
var configMerges = map[Symbol]bool{
	{V1Session, "Session", "Copy"}: true,
	{V1Aws, "Config", "Copy"}:      true,
}

// ConfigMerge reports whether the method sym copies its receiver and
// merges its config arguments into the copy.
func ConfigMerge(sym Symbol) bool { return configMerges[sym] }

// ConfigMergeIn reports whether the method sym merges its config arguments
// into its receiver in place: v1 (*aws.Config).MergeIn, where a non-nil
// Credentials of an argument replaces the receiver's
// (aws-sdk-go aws/config.go:519-536).
func ConfigMergeIn(sym Symbol) bool { return sym == Symbol{V1Aws, "Config", "MergeIn"} }
