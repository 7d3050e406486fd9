// Package brokentest has a finding in its own file and a _test.go file
// that does not type-check: the finding is still reported, as it is
// without test variants, and so is the test file's error.
package brokentest

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Client has no retries.
var Client = s3.New(s3.Options{Region: "eu-west-1", Retryer: aws.NopRetryer{}}) // noretry
