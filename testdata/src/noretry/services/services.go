// Package services holds noretry cases for clients of services other than
// S3 (SQS, DynamoDB, Kinesis; aws-sdk-go-v2 and aws-sdk-go v1), positives
// and negatives side by side.
package services

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

func v2(ctx context.Context, cfg aws.Config) {
	// The SQS worker of issue 14.
	q := sqs.NewFromConfig(cfg, func(o *sqs.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: sqs\.Options\.RetryMaxAttempts = 1 disables retries`
	})
	_ = sqs.NewFromConfig(cfg, func(o *sqs.Options) {
		o.RetryMaxAttempts = 0 // the default: 3 attempts
	})
	_ = sqs.NewFromConfig(cfg, func(o *sqs.Options) {
		o.RetryMaxAttempts = 5
	})

	_ = dynamodb.New(dynamodb.Options{Retryer: aws.NopRetryer{}})    // want `noretry: aws\.NopRetryer disables retries: a 5xx or slow credential fetch fails at once; drop it for the standard retryer \(3 attempts\)$`
	_ = dynamodb.New(dynamodb.Options{RetryMaxAttempts: 1})          // want `noretry: dynamodb\.Options\.RetryMaxAttempts = 1 disables retries: .*; use 0 \(the default\) or more$`
	_ = dynamodb.New(dynamodb.Options{Retryer: retry.NewStandard()}) // the default
	_ = dynamodb.New(dynamodb.Options{RetryMaxAttempts: -1})         // no cap

	k := kinesis.NewFromConfig(cfg, func(o *kinesis.Options) {
		o.Retryer = retry.AddWithMaxAttempts(o.Retryer, 1) // want `noretry: retry.AddWithMaxAttempts = 1 disables retries: .*; drop it \(3 attempts by default\) or pass 3 or more$`
	})
	_ = kinesis.New(kinesis.Options{RetryMaxAttempts: 3})

	// Per operation: SQS requests have no streamed body, so the SDK would
	// retry them; one attempt is reported.
	_, _ = q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{}, func(o *sqs.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: sqs.Options.RetryMaxAttempts = 1`
	})
	_, _ = k.GetRecords(ctx, &kinesis.GetRecordsInput{}, func(o *kinesis.Options) {
		o.RetryMaxAttempts = 2
	})
}

func v1(sess *session.Session) {
	_ = sqsv1.New(sess, &awsv1.Config{MaxRetries: awsv1.Int(0)})  // want `noretry: aws\.Config\.MaxRetries = 0 disables retries`
	_ = sqsv1.New(sess, awsv1.NewConfig().WithMaxRetries(0))      // want `noretry: aws\.Config\.WithMaxRetries = 0 disables retries`
	_ = sqsv1.New(sess, &awsv1.Config{MaxRetries: awsv1.Int(3)})  // three retries
	_ = sqsv1.New(sess, &awsv1.Config{MaxRetries: awsv1.Int(-1)}) // the service default
	_ = sqsv1.New(sess)
}
