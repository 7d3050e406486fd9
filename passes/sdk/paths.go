package sdk

// Module and package paths: the module paths of aws-sdk-go-v2, smithy-go,
// aws-sdk-go and minio-go and their packages, checked against the module
// cache at the versions testdata/go.mod pins (v2 v1.48.0, config v1.33.18,
// s3 v1.114.10, v1 v1.55.8, minio-go v7.4.1).
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
