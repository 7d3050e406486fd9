// Package fix checks the fixes that remove a retry-disabling setting
// where what is left means the SDK's default retries.
package fix

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/minio/minio-go/v7"
)

func v2(ctx context.Context, cfg aws.Config) {
	_, _ = config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"), config.WithRetryMaxAttempts(1)) // want `noretry: config\.WithRetryMaxAttempts = 1 disables retries`
	_ = s3.New(s3.Options{Region: "eu-west-1", RetryMaxAttempts: 1})                                     // want `noretry: s3\.Options\.RetryMaxAttempts = 1 disables retries`
	_ = sqs.NewFromConfig(cfg, func(o *sqs.Options) {
		o.Retryer = retry.AddWithMaxAttempts(o.Retryer, 1) // want `noretry: retry\.AddWithMaxAttempts = 1 disables retries`
		o.Region = "eu-west-1"
	})
	_ = s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.Retryer = aws.NopRetryer{} // want `noretry: aws\.NopRetryer disables retries`
	})
}

func v1(sess *session.Session) {
	_ = s3v1.New(sess, &awsv1.Config{Region: awsv1.String("eu-west-1"), MaxRetries: awsv1.Int(0)}) // want `noretry: aws\.Config\.MaxRetries = 0 disables retries`
	_ = s3v1.New(sess, awsv1.NewConfig().WithRegion("eu-west-1").WithMaxRetries(0))                // want `noretry: aws\.Config\.WithMaxRetries = 0 disables retries`
	_ = s3v1.New(sess, request.WithRetryer(awsv1.NewConfig(), nil))                                // want `noretry: request\.WithRetryer\(cfg, nil\) disables retries`
	// No fix: without NumMaxRetries a DefaultRetryer still makes no retry.
	_ = s3v1.New(sess, &awsv1.Config{Retryer: client.DefaultRetryer{NumMaxRetries: 0, MinRetryDelay: 1}}) // want `noretry: client\.DefaultRetryer\.NumMaxRetries = 0 disables retries`
}

func init() {
	minio.MaxRetry = 1 // want `noretry: minio\.MaxRetry = 1 disables retries`
}
