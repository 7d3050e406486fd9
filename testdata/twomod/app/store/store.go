// Package store keeps objects in S3 through the helper module.
package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/awshelper/awsh"
)

var client = awsh.NewClient() // globalclient: the helper's static keys, known only from its facts

// Put stores one object in a single attempt.
func Put(ctx context.Context, key string) error {
	_, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String(key)}, func(o *s3.Options) {
		o.Retryer = awsh.NoRetries() // noretry: the helper's NopRetryer, known only from its facts
	})
	return err
}
