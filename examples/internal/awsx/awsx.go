// Package awsx holds the worker's shared AWS helpers.
package awsx

import "github.com/aws/aws-sdk-go-v2/aws"

// NoRetries is the retryer for calls whose caller retries the whole job
// itself (the queue redelivers it). It is a single attempt: noretry
// reports it here, and — through a fact — every use of it in other
// packages.
func NoRetries() aws.Retryer {
	return aws.NopRetryer{}
}
