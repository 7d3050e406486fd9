// Package order has several findings; credlint reports them in position order.
package order

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	b = s3.Options{RetryMaxAttempts: 1, Retryer: aws.NopRetryer{}} // want `noretry: s3.Options.RetryMaxAttempts = 1` `noretry: aws.NopRetryer`
	a = config.WithRetryMaxAttempts(1)                             // want `noretry: config.WithRetryMaxAttempts = 1`
)

func init() { _, _ = a, b }
