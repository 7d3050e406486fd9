// Package traps holds look-alikes that are not SDK retry knobs.
package traps

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
)

// Options is the user's own config struct with SDK-like field names.
type Options struct {
	MaxRetries       int
	RetryMaxAttempts int
	Retryer          aws.Retryer
}

// NopRetryer is the user's own type named like the SDK's.
type NopRetryer struct{ aws.Retryer }

// WithRetryMaxAttempts is the user's own function named like the SDK's.
func WithRetryMaxAttempts(n int) func(*Options) {
	return func(o *Options) { o.RetryMaxAttempts = n }
}

func traps(ctx context.Context) {
	o := Options{MaxRetries: 1, RetryMaxAttempts: 1}
	o.MaxRetries = 0
	o.RetryMaxAttempts = 1
	_ = NopRetryer{}
	WithRetryMaxAttempts(1)(&o)
	// Loki's case: "we do our own retries" with 0, which v2 reads as the default.
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(0))
	_ = aws.Config{RetryMaxAttempts: 0}
}
