// Package services holds expiryerr cases for clients of services other
// than S3 (SQS, DynamoDB, Kinesis; aws-sdk-go-v2 and aws-sdk-go v1),
// positives and negatives side by side.
package services

import (
	"context"
	"errors"
	"log"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"
)

const queueURL = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"

// The SQS worker of issue 14: logs and continues forever, and drops the
// error of DeleteMessage.
func sqsWorker(ctx context.Context, q *sqs.Client) {
	for {
		out, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)}) // want `expiryerr: sqs\.Client\.ReceiveMessage fails forever in this loop \(for \{ … \}\)`
		if err != nil {
			log.Printf("receive: %v", err)
			time.Sleep(time.Second)
			continue
		}
		for _, m := range out.Messages {
			q.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(queueURL), ReceiptHandle: m.ReceiptHandle}) // want `expiryerr: the error of sqs\.Client\.DeleteMessage is discarded \(a bare call\)`
		}
	}
}

// Negative: the same worker classifies the error and returns on expiry,
// and checks DeleteMessage.
func sqsWorkerClassifies(ctx context.Context, q *sqs.Client) error { // want sqsWorkerClassifies:`returnsSDKError\(sqs.Client.ReceiveMessage\)`
	for {
		out, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})
		if err != nil {
			var apiErr smithy.APIError
			if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredTokenException" {
				return err
			}
			log.Printf("receive: %v", err)
			continue
		}
		for _, m := range out.Messages {
			if _, err := q.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(queueURL), ReceiptHandle: m.ReceiptHandle}); err != nil {
				return err
			}
		}
	}
}

// Negative: the error path leaves the loop.
func sqsWorkerReturns(ctx context.Context, q *sqs.Client) error { // want sqsWorkerReturns:`returnsSDKError\(sqs.Client.ReceiveMessage\)`
	for {
		if _, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)}); err != nil {
			return err
		}
	}
}

// dapr's SNS/SQS pub/sub: errors.Is(err, context.Canceled) only asks
// whether the loop is stopping; it classifies nothing the SDK returns.
func sqsWorkerContextOnly(ctx context.Context, q *sqs.Client) {
	for ctx.Err() == nil {
		_, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)}) // want `expiryerr: sqs\.Client\.ReceiveMessage fails forever in this loop \(for ctx\.Err\(\) == nil\)`
		if err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || ctx.Err() != nil {
				continue
			}
			log.Printf("receive: %v", err)
			time.Sleep(time.Second)
			continue
		}
	}
}

// Negative: errors.Is against another error is a decision on the error.
var errStop = errors.New("stop")

func sqsWorkerIs(ctx context.Context, q *sqs.Client) {
	for {
		_, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})
		if errors.Is(err, errStop) {
			log.Print(err)
		}
	}
}

// DynamoDB: discarded, matched by text, and a ticker loop.
func dynamo(ctx context.Context, db *dynamodb.Client, ticker *time.Ticker) error { // want dynamo:`returnsSDKError\(dynamodb.Client.GetItem\)`
	item := map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: "1"}}
	_, _ = db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("t"), Item: item}) // want `expiryerr: the error of dynamodb.Client.PutItem is discarded \(assigned to _\)`

	_, err := db.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("t"), Key: item})
	if err != nil && strings.Contains(err.Error(), "ExpiredTokenException") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredTokenException"\) on the error of dynamodb\.Client\.GetItem`
		return err
	}
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredTokenException" { // the code: fine
		return err
	}

	for range ticker.C {
		if _, err := db.UpdateItem(ctx, &dynamodb.UpdateItemInput{TableName: aws.String("t"), Key: item}); err != nil { // want `expiryerr: dynamodb\.Client\.UpdateItem fails forever in this loop \(for range ticker\.C\)`
			log.Print(err)
		}
	}

	// Negative: a paginator whose error is returned.
	p := dynamodb.NewScanPaginator(db, &dynamodb.ScanInput{TableName: aws.String("t")})
	for p.HasMorePages() {
		if _, err := p.NextPage(ctx); err != nil {
			return err
		}
	}
	// Positive: a paginator's page error discarded.
	_, _ = p.NextPage(ctx) // want `expiryerr: the error of dynamodb.ScanPaginator.NextPage is discarded`
	return nil
}

// Kinesis: a shard reader in a for { select } loop.
func kinesisReader(ctx context.Context, k *kinesis.Client, iterator *string) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		out, err := k.GetRecords(ctx, &kinesis.GetRecordsInput{ShardIterator: iterator}) // want `expiryerr: kinesis\.Client\.GetRecords fails forever in this loop \(for \{ select … \}\)`
		if err != nil {
			log.Printf("get records: %v", err)
			continue
		}
		iterator = out.NextShardIterator
	}
}

// Negative: the reader exits on error so that ECS replaces the task.
func kinesisReaderExits(ctx context.Context, k *kinesis.Client, iterator *string) {
	for {
		out, err := k.GetRecords(ctx, &kinesis.GetRecordsInput{ShardIterator: iterator})
		if err != nil {
			log.Fatalf("get records: %v", err)
		}
		iterator = out.NextShardIterator
	}
}

// SNS: a publisher draining a channel of events for the life of the process.
func publisher(ctx context.Context, topic *sns.Client, events <-chan string) {
	for e := range events {
		if _, err := topic.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("arn"), Message: aws.String(e)}); err != nil { // want `expiryerr: sns\.Client\.Publish fails forever in this loop \(for range events\)`
			log.Printf("publish: %v", err)
		}
	}
}

// Negative: the publisher hands the error to the caller.
func publisherReturns(ctx context.Context, topic *sns.Client, events <-chan string) error { // want publisherReturns:`returnsSDKError\(sns.Client.Publish\)`
	for e := range events {
		if _, err := topic.Publish(ctx, &sns.PublishInput{TopicArn: aws.String("arn"), Message: aws.String(e)}); err != nil {
			return err
		}
	}
	return nil
}

// An interface of the program that mirrors the SQS client.
type queue interface {
	ReceiveMessage(ctx context.Context, in *sqs.ReceiveMessageInput, optFns ...func(*sqs.Options)) (*sqs.ReceiveMessageOutput, error)
}

func viaInterface(ctx context.Context, q queue) {
	for {
		if _, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{}); err != nil { // want `expiryerr: sqs\.Client\.ReceiveMessage fails forever in this loop \(for \{ … \}\)`
			log.Print(err)
		}
	}
}
