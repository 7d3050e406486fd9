// Package services holds staticcreds cases for clients of services other
// than S3 (SQS, DynamoDB, Kinesis; aws-sdk-go-v2 and aws-sdk-go v1),
// positives and negatives side by side.
package services

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credentialsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

func v2(ctx context.Context) {
	_ = sqs.New(sqs.Options{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))}) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from AWS_ACCESS_KEY_ID, …`

	cfg, _ := config.LoadDefaultConfig(ctx)
	v, _ := cfg.Credentials.Retrieve(ctx)
	_ = dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/services/services\.go:\d+\): it expires within hours; pass the provider instead`
	})

	// Negatives: the default chain; placeholder keys against a local
	// endpoint (LocalStack) set in the service's own Options.
	_ = kinesis.NewFromConfig(cfg)
	_ = sqs.New(sqs.Options{BaseEndpoint: aws.String("http://localhost:4566"), Credentials: credentials.NewStaticCredentialsProvider("test", "test", "")})
}

func v1() {
	_ = sqsv1.New(session.Must(session.NewSession()), &awsv1.Config{Credentials: credentialsv1.NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")}) // want `staticcreds: credentials\.NewStaticCredentials builds static keys from AWS_ACCESS_KEY_ID, …`
	_ = sqsv1.New(session.Must(session.NewSession()))
}
