// Package v2 checks the suggested fix for aws-sdk-go-v2 text matching: a
// smithy.APIError variable declared before the statement, errors.As and
// the error code.
package v2

import (
	"context"
	"log"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

func get(ctx context.Context, client *s3.Client, in *s3.GetObjectInput) {
	_, err := client.GetObject(ctx, in)
	if strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of s3\.Client\.GetObject`
		log.Fatal(err)
	}
}

// Two matches in one block: the second variable is apiErr2.
func receive(ctx context.Context, client *sqs.Client, in *sqs.ReceiveMessageInput) bool {
	_, err := client.ReceiveMessage(ctx, in)
	if err != nil && !strings.HasPrefix(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.HasPrefix "ExpiredToken"\) on the error of sqs\.Client\.ReceiveMessage`
		log.Print(err)
	}
	return err != nil && err.Error() == "ExpiredTokenException" // want `expiryerr: expiry is found by text \(== "ExpiredTokenException"\) on the error of sqs\.Client\.ReceiveMessage`
}

// No fix: the name apiErr is taken in the block.
func taken(ctx context.Context, client *s3.Client, in *s3.HeadBucketInput) string {
	_, err := client.ListBuckets(ctx, nil)
	if strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of s3\.Client\.ListBuckets`
		return "expired"
	}
	apiErr := "x"
	return apiErr
}
