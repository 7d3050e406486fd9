package sdk

import "go/types"

// Credentials that escape the SDK's refresh machinery: the output of STS
// calls, and the places credentials are handed to another process.

// STS packages.
const (
	V2STSTypes = modV2 + "/service/sts/types"
	V1STS      = modV1 + "/service/sts"
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
