package pins

// SDK packages of the credential-escape tables (passes/sdk/escape.go).
import (
	_ "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	_ "github.com/aws/aws-sdk-go-v2/service/ecs"
	_ "github.com/aws/aws-sdk-go-v2/service/sso/types"
	_ "github.com/aws/aws-sdk-go/service/ecs"
	_ "github.com/aws/aws-sdk-go/service/sso"
	_ "github.com/aws/aws-sdk-go/service/sts"
	_ "github.com/minio/minio-go/v7/pkg/signer"
)
