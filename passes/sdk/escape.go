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
