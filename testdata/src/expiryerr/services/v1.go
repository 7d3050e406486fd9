package services

import (
	"log"
	"strings"

	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/request"
	sqsv1 "github.com/aws/aws-sdk-go/service/sqs"
	"github.com/aws/aws-sdk-go/service/sqs/sqsiface"
)

// aws-sdk-go v1 SQS consumer: loop, discarded delete, text match.
func sqsV1Worker(ctx awsv1.Context, svc *sqsv1.SQS) {
	in := &sqsv1.ReceiveMessageInput{QueueUrl: awsv1.String(queueURL)}
	for {
		out, err := svc.ReceiveMessageWithContext(ctx, in) // want `expiryerr: sqs\.SQS\.ReceiveMessageWithContext fails forever in this loop \(for \{ … \}\)`
		if err != nil {
			log.Println(err)
			continue
		}
		for _, m := range out.Messages {
			svc.DeleteMessage(&sqsv1.DeleteMessageInput{QueueUrl: in.QueueUrl, ReceiptHandle: m.ReceiptHandle}) // want `expiryerr: the error of sqs\.SQS\.DeleteMessage is discarded \(a bare call\)`
		}
	}
}

func sqsV1Checks(svc *sqsv1.SQS, api sqsiface.SQSAPI) error { // want sqsV1Checks:`returnsSDKError\(sqs.SQS.SendMessage\)`
	_, err := svc.SendMessage(&sqsv1.SendMessageInput{QueueUrl: awsv1.String(queueURL), MessageBody: awsv1.String("x")})
	if err != nil && strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of sqs\.SQS\.SendMessage`
		return err
	}
	if request.IsErrorExpiredCreds(err) { // the code: fine
		return err
	}
	_, _ = api.PurgeQueue(&sqsv1.PurgeQueueInput{}) // want `expiryerr: the error of sqsiface.SQSAPI.PurgeQueue is discarded \(assigned to _\)`

	// Negatives: a request builder returns no error; its Send's error is checked.
	req, _ := svc.ReceiveMessageRequest(&sqsv1.ReceiveMessageInput{})
	if err := req.Send(); err != nil {
		return err
	}
	req.Send() // want `expiryerr: the error of sqs.SQS.ReceiveMessageRequest\(...\).Send is discarded`
	return nil
}

// Negative: the v1 worker classifies expiry and returns.
func sqsV1WorkerClassifies(api sqsiface.SQSAPI) error { // want sqsV1WorkerClassifies:`returnsSDKError\(sqsiface.SQSAPI.ReceiveMessage\)`
	for {
		if _, err := api.ReceiveMessage(&sqsv1.ReceiveMessageInput{}); err != nil {
			if request.IsErrorExpiredCreds(err) {
				return err
			}
			log.Println(err)
		}
	}
}
