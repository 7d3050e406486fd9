// Package crosspkg uses awsx: the facts carry the provenance across.
package crosspkg

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"credlint.test/src/staticcreds/awsx"
)

// Wrapped re-exports awsx.NewS3: its fact names the way through.
func Wrapped(ctx context.Context) (*s3.Client, error) { // want Wrapped:`static\(environment: credentials.NewStaticCredentialsProvider\(os.Getenv\("AWS_ACCESS_KEY_ID"\), \.\.\.\) at src/staticcreds/awsx/awsx.go:18 \(via awsx.NewS3 at src/staticcreds/crosspkg/crosspkg.go:15\)\)`
	return awsx.NewS3(ctx)
}

// Presign builds a presign client on awsx's static credentials.
func Presign(key, secret string) *s3.PresignClient { // want Presign:`static\(configuration: .* \(via awsx.Keys at src/staticcreds/crosspkg/crosspkg.go:20\)\)`
	return s3.NewPresignClient(s3.NewFromConfig(aws.Config{Credentials: aws.NewCredentialsCache(awsx.Keys(key, secret))}))
}

// Refreshing stays refreshing.
func Refreshing(ctx context.Context) *s3.Client { // want Refreshing:`refreshing`
	c, _ := awsx.Default(ctx)
	return c
}

// Shared uses the other package's variable.
func Shared() *s3.Client { // want Shared:`static\(environment: .* \(via NewS3 at src/staticcreds/awsx/awsx.go:46\)\)`
	return awsx.Client
}
