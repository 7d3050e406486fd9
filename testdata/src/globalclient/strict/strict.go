// Package strict sets globalclient.strict: every process-lifetime AWS
// client (S3, SQS, DynamoDB, ...) is reported, even on the default chain.
package strict

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go/aws/session"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
)

var defaultClient = s3.NewFromConfig(mustDefault()) // want `globalclient: defaultClient \(\*s3\.Client\) lives for the whole process \(set at its declaration\)`

var sess = session.Must(session.NewSession()) // want `globalclient: sess \(\*session\.Session\) lives for the whole process \(set at its declaration\)`

// Static credentials get the usual message.
var staticClient = s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")}) // want `globalclient: staticClient \(\*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/strict/strict\.go:\d+`

// Every service, both SDKs.
var queue = sqs.NewFromConfig(mustDefault()) // want `globalclient: queue \(\*sqs\.Client\) lives for the whole process \(set at its declaration\)`

var table *dynamodb.Client // want `globalclient: table \(\*dynamodb\.Client\) lives for the whole process \(set in init\)`

func init() { table = dynamodb.NewFromConfig(mustDefault()) }

var queueV1 = sqsv1.New(sess) // want `globalclient: queueV1 \(\*sqs\.SQS\) lives for the whole process \(set at its declaration\)`

var unset *s3.Client // never set for the process: quiet even in strict mode

func mustDefault() aws.Config {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	return cfg
}
