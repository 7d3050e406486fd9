// Package traps has globals that look like S3 clients but are not, or
// are not set for the process.
package traps

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// S3API is the user's own interface, named like v1's s3iface.S3API.
type S3API interface {
	Put(ctx context.Context, key string, body []byte) error
}

// Client is the user's own type, named like the SDKs'.
type Client struct{ Bucket string }

type fake struct{}

func (fake) Put(context.Context, string, []byte) error { return nil }

var api S3API = fake{}

var client = &Client{Bucket: os.Getenv("AWS_SECRET_ACCESS_KEY")}

// creds is a provider, not a client: staticcreds' business, not this rule's.
var creds = credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")

// keys is a plain value.
var keys = aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID")}

func handler(ctx context.Context) error {
	c := s3.NewFromConfig(aws.Config{Credentials: creds}) // a local
	_, err := c.ListBuckets(ctx, &s3.ListBucketsInput{})
	return err
}
