// Package services holds globalclient cases for clients of services other
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
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
)

// DynamoDB on environment keys, in its Options.
var table = dynamodb.New(dynamodb.Options{Region: "eu-west-1", Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))}) // want `globalclient: table \(\*dynamodb\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/services/services\.go:\d+`

// Kinesis from a static aws.Config, and (negative) from the default chain.
var streams = kinesis.NewFromConfig(aws.Config{Region: "eu-west-1", Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("KINESIS_KEY"), os.Getenv("KINESIS_SECRET"), "")}) // want `globalclient: streams \(\*kinesis\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/services/services\.go:\d+`

var streamsDefault = kinesis.NewFromConfig(mustDefault())

// A struct of the program holding an SQS client.
type app struct {
	jobs *sqs.Client
}

var deps = app{jobs: sqs.New(sqs.Options{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")})} // want `globalclient: deps \(holds a \*sqs\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/services/services\.go:\d+`

// aws-sdk-go v1: an SQS client on a session with environment credentials,
// and (negative) one on the default session.
var envSess = session.Must(session.NewSession(&awsv1.Config{Credentials: credentialsv1.NewEnvCredentials()})) // want `globalclient: envSess \(\*session\.Session\) is process-wide \(set at its declaration\) on env keys from src/globalclient/services/services\.go:\d+`

var queueV1 = sqsv1.New(envSess) // related

var api sqsiface.SQSAPI = sqsv1.New(session.Must(session.NewSession()), &awsv1.Config{Credentials: credentialsv1.NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")}) // want `globalclient: api \(\*sqs\.SQS\) is process-wide \(set at its declaration\) on env keys from src/globalclient/services/services\.go:\d+`

var defaultQueueV1 = sqsv1.New(session.Must(session.NewSession()))

func mustDefault() aws.Config {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	return cfg
}
