// Package queue takes jobs from an SQS queue with aws-sdk-go-v2: the
// long-running consumer that, in the ExpiredToken reports teams file, most
// often stops working hours after start.
package queue

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"

	"example.com/worker/internal/storage"
)

// Consumer receives jobs from one queue.
type Consumer struct {
	client *sqs.Client
	url    string
}

// New builds a Consumer on the default credential chain: on ECS the task
// role's credentials, refreshed before they expire. This part is clean.
func New(ctx context.Context, url string) (*Consumer, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, fmt.Errorf("load AWS config: %w", err)
	}
	client := sqs.NewFromConfig(cfg, func(o *sqs.Options) {
		// "A long poll retries by itself": noretry reports this single attempt.
		o.RetryMaxAttempts = 1
	})
	return &Consumer{client: client, url: url}, nil
}

// Run receives messages until ctx ends and hands them to jobs. Its error
// path only logs and polls again (expiryerr reports the loop), and it
// drops the error of DeleteMessage (expiryerr reports that too).
func (c *Consumer) Run(ctx context.Context, jobs chan<- storage.Job) {
	for {
		select {
		case <-ctx.Done():
			return
		default:
		}
		out, err := c.client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{
			QueueUrl:            aws.String(c.url),
			MaxNumberOfMessages: 10,
			WaitTimeSeconds:     20,
		})
		if err != nil {
			log.Printf("receive: %v", err)
			time.Sleep(time.Second)
			continue
		}
		for _, m := range out.Messages {
			jobs <- storage.Job{ID: aws.ToString(m.MessageId), Body: []byte(aws.ToString(m.Body))}
			c.client.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(c.url), ReceiptHandle: m.ReceiptHandle})
		}
	}
}

// Drain deletes up to n messages without processing them. It returns on an
// expired token, so that ECS replaces the task, and checks every delete:
// this part is clean.
func (c *Consumer) Drain(ctx context.Context, n int) error {
	for n > 0 {
		out, err := c.client.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(c.url)})
		if err != nil {
			var apiErr smithy.APIError
			if errors.As(err, &apiErr) && (apiErr.ErrorCode() == "ExpiredTokenException" || apiErr.ErrorCode() == "ExpiredToken") {
				return fmt.Errorf("drain: credentials expired: %w", err)
			}
			return fmt.Errorf("drain: %w", err)
		}
		if len(out.Messages) == 0 {
			return nil
		}
		for _, m := range out.Messages {
			if _, err := c.client.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(c.url), ReceiptHandle: m.ReceiptHandle}); err != nil {
				return fmt.Errorf("drain: delete: %w", err)
			}
			n--
		}
	}
	return nil
}
