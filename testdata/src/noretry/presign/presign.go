// Package presign sets retry knobs on clients that are only ever used to
// presign (quiet: presigning sends no request) and on one that also sends
// requests (reported).
package presign

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func inline(cfg aws.Config) *s3.PresignClient {
	return s3.NewPresignClient(s3.NewFromConfig(cfg, func(o *s3.Options) { o.RetryMaxAttempts = 1 }))
}

func local(cfg aws.Config) *s3.PresignClient {
	c := s3.New(s3.Options{Region: "us-east-1", RetryMaxAttempts: 1})
	return s3.NewPresignClient(c)
}

func both(cfg aws.Config) (*s3.Client, *s3.PresignClient) {
	c := s3.New(s3.Options{Region: "us-east-1", RetryMaxAttempts: 1}) // want `^noretry: `
	return c, s3.NewPresignClient(c)
}
