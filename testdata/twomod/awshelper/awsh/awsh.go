// Package awsh is a shared helper module of the user's: it builds S3
// clients for the services in other modules.
package awsh

import (
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// NewClient returns an S3 client on keys read once from the environment.
func NewClient() *s3.Client {
	return s3.New(s3.Options{
		Region:      "eu-west-1",
		Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("PARTNER_KEY_ID"), os.Getenv("PARTNER_SECRET"), os.Getenv("PARTNER_TOKEN")),
	})
}

// NoRetries is a single attempt.
func NoRetries() aws.Retryer {
	return aws.NopRetryer{}
}
