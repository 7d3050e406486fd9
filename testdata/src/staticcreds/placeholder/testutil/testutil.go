// Package testutil is a test kit: placeholder keys against an endpoint
// from a parameter or the environment point at LocalStack or MinIO in CI.
// Quiet; AWS-shaped keys are still reported.
package testutil

import (
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// NewLocalS3 returns a client for the local stack the tests start.
func NewLocalS3(endpoint string) *s3.Client {
	return s3.New(s3.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("accessKey", "secretKey", ""),
		UsePathStyle: true,
	})
}

// NewEnvS3 takes the endpoint from the environment.
func NewEnvS3() *s3.Client {
	return s3.New(s3.Options{
		BaseEndpoint: aws.String(os.Getenv("S3_ENDPOINT")),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
	})
}

// NewRealKeys uses an AWS-shaped key: reported.
func NewRealKeys(endpoint string) *s3.Client {
	return s3.New(s3.Options{
		BaseEndpoint: aws.String(endpoint),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""), // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from literals \(AKIA…MPLE\)`
	})
}

// NewOnAWS points placeholder keys at a constant AWS endpoint: they
// cannot authenticate there either. Quiet.
func NewOnAWS() *s3.Client {
	return s3.New(s3.Options{
		BaseEndpoint: aws.String("https://s3.eu-west-1.amazonaws.com"),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
	})
}

// NewReplayConfig uses fake keys with no endpoint of its own (the default
// AWS endpoint, as gocloud.dev's record/replay helper does): they cannot
// authenticate against AWS. Quiet.
func NewReplayConfig() aws.Config {
	return aws.Config{Credentials: credentials.NewStaticCredentialsProvider("FAKE_KEY", "FAKE_SECRET", "FAKE_SESSION")}
}
