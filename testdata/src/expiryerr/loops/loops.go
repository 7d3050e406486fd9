// Package loops holds expiryerr worker-loop cases read as Go reads them
// (issue 19): continue and break of inner loops and labels, pagination
// loops, errors collected for later, and returns that run only on
// shutdown. Reported and quiet cases side by side.
package loops

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

const queueURL = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"

// ---- continue and break belong to their innermost loop or label ----

// Reported: the continue skips one message of the inner range loop; the
// worker loop around it goes on polling.
func innerContinue(ctx context.Context, q *sqs.Client) {
	for {
		out, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})
		if err != nil {
			return
		}
		for _, m := range out.Messages {
			if _, err := q.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(queueURL), ReceiptHandle: m.ReceiptHandle}); err != nil { // want `expiryerr: sqs\.Client\.DeleteMessage fails forever in this loop \(for \{ … \}\)`
				log.Print(err)
				continue
			}
		}
	}
}

// Reported: break leaves the inner range loop, not the worker loop.
func innerBreak(ctx context.Context, q *sqs.Client) {
	for {
		out, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})
		if err != nil {
			return
		}
		for _, m := range out.Messages {
			if _, err := q.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(queueURL), ReceiptHandle: m.ReceiptHandle}); err != nil { // want `expiryerr: sqs\.Client\.DeleteMessage fails forever in this loop \(for \{ … \}\)`
				log.Print(err)
				break
			}
		}
	}
}

// Quiet: continue with the label of an outer loop leaves the worker loop
// (here, to the next queue of a finite range).
func labeledContinue(ctx context.Context, q *sqs.Client, queues []string) {
queues:
	for _, url := range queues {
		for {
			_, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(url)})
			if err != nil {
				log.Print(err)
				continue queues
			}
		}
	}
}

// Quiet: break with the worker loop's label leaves it from inside a select.
func labeledBreak(ctx context.Context, q *sqs.Client, tick <-chan time.Time) {
poll:
	for {
		select {
		case <-tick:
			if _, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)}); err != nil {
				log.Print(err)
				break poll
			}
		}
	}
}

// Reported: continue with the worker loop's own label continues it.
func ownLabelContinue(ctx context.Context, q *sqs.Client) {
poll:
	for {
		if _, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)}); err != nil { // want `expiryerr: sqs\.Client\.ReceiveMessage fails forever in this loop \(for \{ … \}\)`
			log.Print(err)
			continue poll
		}
	}
}

// ---- a for {} that ends with the last page is finite ----

// Quiet: a for {} over a paginator that breaks when no page is left; a
// failed page is logged and skipped for the next one.
func pagesBreak(ctx context.Context, db *dynamodb.Client) {
	p := dynamodb.NewScanPaginator(db, &dynamodb.ScanInput{TableName: aws.String("t")})
	for {
		if !p.HasMorePages() {
			break
		}
		page, err := p.NextPage(ctx)
		if err != nil {
			log.Print(err)
			return
		}
		for _, item := range page.Items {
			if _, err := db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String("copy"), Item: item}); err != nil {
				log.Print(err)
				continue
			}
		}
	}
}

// Quiet: for p.HasMorePages() is finite; the continue belongs to the
// inner range loop.
func pagesCond(ctx context.Context, db *dynamodb.Client) {
	p := dynamodb.NewScanPaginator(db, &dynamodb.ScanInput{TableName: aws.String("t")})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			log.Print(err)
			return
		}
		for _, item := range page.Items {
			if _, err := db.DeleteItem(ctx, &dynamodb.DeleteItemInput{TableName: aws.String("t"), Key: item}); err != nil {
				log.Print(err)
				continue
			}
		}
	}
}

// Quiet: a for {} listing by continuation token that stops on the last page.
func tokenPages(ctx context.Context, c *s3.Client) {
	var token *string
	for {
		out, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("b"), ContinuationToken: token})
		if err != nil {
			log.Print(err)
			return
		}
		for _, o := range out.Contents {
			if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("b"), Key: o.Key}); err != nil {
				log.Print(err)
				continue
			}
		}
		if !aws.ToBool(out.IsTruncated) {
			break
		}
		token = out.NextContinuationToken
	}
}

// Reported: the page test decides nothing here (it only logs); the loop
// polls forever.
func tokenLogged(ctx context.Context, c *s3.Client) {
	for {
		out, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("b")}) // want `expiryerr: s3\.Client\.ListObjectsV2 fails forever in this loop \(for \{ … \}\)`
		if err != nil {
			log.Print(err)
			continue
		}
		if aws.ToBool(out.IsTruncated) {
			log.Print("more")
		}
	}
}

// Reported: the page request itself logs and continues. NextPage leaves
// the paginator as it was on an error, so the same page is asked for
// again, forever.
func pageRetried(ctx context.Context, db *dynamodb.Client) {
	p := dynamodb.NewScanPaginator(db, &dynamodb.ScanInput{TableName: aws.String("t")})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx) // want `expiryerr: dynamodb\.ScanPaginator\.NextPage fails forever in this loop \(for p\.HasMorePages\(\)\)`
		if err != nil {
			log.Print(err)
			continue
		}
		_ = page
	}
}

// Reported: the same with a continuation token: a failed listing keeps
// the token and is sent again.
func tokenRetried(ctx context.Context, c *s3.Client) {
	var token *string
	for {
		out, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("b"), ContinuationToken: token}) // want `expiryerr: s3\.Client\.ListObjectsV2 fails forever in this loop \(for \{ … \}\)`
		if err != nil {
			log.Print(err)
			time.Sleep(time.Second)
			continue
		}
		if !aws.ToBool(out.IsTruncated) {
			break
		}
		token = out.NextContinuationToken
	}
}

// ---- errors collected for later are handled ----

// Quiet: each failure is appended and the list is returned.
func collect(ctx context.Context, c *s3.Client, keys <-chan string) error {
	var errs []error
	for k := range keys {
		if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("b"), Key: aws.String(k)}); err != nil {
			errs = append(errs, fmt.Errorf("delete %s: %w", k, err))
			continue
		}
	}
	return errors.Join(errs...)
}

// Quiet: joined into one error that is returned.
func join(ctx context.Context, c *s3.Client, keys <-chan string) (err error) { // want join:`returnsSDKError\(s3.Client.DeleteObject, wrapped\)`
	for k := range keys {
		_, derr := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("b"), Key: aws.String(k)})
		err = errors.Join(err, derr)
	}
	return err
}

// Reported: the list is only logged; nobody decides on the errors.
func collectLogged(ctx context.Context, c *s3.Client, keys <-chan string) {
	var errs []error
	for k := range keys {
		if _, err := c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("b"), Key: aws.String(k)}); err != nil { // want `expiryerr: s3\.Client\.DeleteObject fails forever in this loop \(for range keys\)`
			errs = append(errs, err)
		}
	}
	log.Print(errs)
}

// ---- a return that runs only once the context is done is shutdown ----

// Reported: the error branch logs, backs off and continues; its return
// runs only when the context is cancelled.
func backoffSelect(ctx context.Context, q *sqs.Client) {
	for {
		out, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)}) // want `expiryerr: sqs\.Client\.ReceiveMessage fails forever in this loop \(for \{ … \}\)`
		if err != nil {
			log.Printf("receive: %v", err)
			select {
			case <-ctx.Done():
				return
			case <-time.After(5 * time.Second):
			}
			continue
		}
		_ = out
	}
}

// Reported: the same with if ctx.Err() != nil { return }.
func ctxErrReturn(ctx context.Context, q *sqs.Client) {
	for {
		_, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)}) // want `expiryerr: sqs\.Client\.ReceiveMessage fails forever in this loop \(for \{ … \}\)`
		if err != nil {
			if ctx.Err() != nil {
				return
			}
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return
			}
			log.Print(err)
			time.Sleep(time.Second)
		}
	}
}

// Quiet: the back-off select also returns after too many failures.
func backoffGivesUp(ctx context.Context, q *sqs.Client) error { // want backoffGivesUp:`returnsSDKError\(sqs.Client.ReceiveMessage, wrapped\)`
	failures := 0
	for {
		_, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: aws.String(queueURL)})
		if err != nil {
			failures++
			if failures > 5 {
				return fmt.Errorf("receive: %w", err)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Second):
			}
			continue
		}
		failures = 0
	}
}

// Quiet: a validity check that retries until a timeout of its own (the
// shape of awsutil's GetCallerIdentity): the deadline is the loop giving
// up, not the program shutting down.
func untilTimeout(ctx context.Context, q *sqs.Client, timeout time.Duration) error { // want untilTimeout:`returnsSDKError\(sqs.Client.GetQueueUrl, wrapped\)`
	timeoutCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	for {
		_, err := q.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("jobs")})
		if err == nil {
			return nil
		}
		select {
		case <-time.After(time.Second):
		case <-timeoutCtx.Done():
			return fmt.Errorf("timeout after %s: %w", timeout, err)
		}
	}
}
