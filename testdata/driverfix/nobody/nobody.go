// Package nobody type-checks but does not compile: Now has no body (and
// the package no assembly).
package nobody

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Now is the time in nanoseconds.
func Now() int64

// Client has no retries.
var Client = s3.New(s3.Options{Region: "eu-west-1", Retryer: aws.NopRetryer{}}) // noretry
