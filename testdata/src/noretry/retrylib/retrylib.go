// Package retrylib is a helper package whose functions return settings
// that disable retries; other packages use them (see crosspkg).
package retrylib

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Nop returns a retryer that never retries.
func Nop() aws.Retryer { // want Nop:`disablesRetries\(aws.NopRetryer, 1 attempt\(s\)\)`
	return aws.NopRetryer{} // want `noretry: aws.NopRetryer`
}

// SingleAttempt is a client option that allows one attempt.
func SingleAttempt() func(*s3.Options) { // want SingleAttempt:`disablesRetries\(s3.Options.RetryMaxAttempts = 1, 1 attempt\(s\)\)`
	return func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3.Options.RetryMaxAttempts = 1`
	}
}

// Standard returns the default retryer: no fact.
func Standard() aws.Retryer { return nil }
