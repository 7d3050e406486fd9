// Package pins imports every SDK package credlint models, so that `go mod
// tidy` keeps them (at the pinned versions) in the fixture module and
// passes/sdk can check its tables against them.
package pins

import (
	_ "github.com/aws/aws-sdk-go-v2/aws"
	_ "github.com/aws/aws-sdk-go-v2/aws/retry"
	_ "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	_ "github.com/aws/aws-sdk-go-v2/config"
	_ "github.com/aws/aws-sdk-go-v2/credentials"
	_ "github.com/aws/aws-sdk-go-v2/credentials/ec2rolecreds"
	_ "github.com/aws/aws-sdk-go-v2/credentials/endpointcreds"
	_ "github.com/aws/aws-sdk-go-v2/credentials/processcreds"
	_ "github.com/aws/aws-sdk-go-v2/credentials/ssocreds"
	_ "github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	_ "github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	_ "github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager"
	_ "github.com/aws/aws-sdk-go-v2/service/s3"
	_ "github.com/aws/aws-sdk-go-v2/service/sts"
	_ "github.com/aws/aws-sdk-go/aws"
	_ "github.com/aws/aws-sdk-go/aws/awserr"
	_ "github.com/aws/aws-sdk-go/aws/client"
	_ "github.com/aws/aws-sdk-go/aws/credentials"
	_ "github.com/aws/aws-sdk-go/aws/credentials/ec2rolecreds"
	_ "github.com/aws/aws-sdk-go/aws/credentials/endpointcreds"
	_ "github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	_ "github.com/aws/aws-sdk-go/aws/defaults"
	_ "github.com/aws/aws-sdk-go/aws/request"
	_ "github.com/aws/aws-sdk-go/aws/session"
	_ "github.com/aws/aws-sdk-go/service/s3"
	_ "github.com/aws/aws-sdk-go/service/s3/s3iface"
	_ "github.com/aws/aws-sdk-go/service/s3/s3manager"
	_ "github.com/aws/smithy-go"
	_ "github.com/minio/minio-go/v7"
	_ "github.com/minio/minio-go/v7/pkg/credentials"
)
