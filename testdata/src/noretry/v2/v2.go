// Package v2 holds noretry cases for aws-sdk-go-v2.
package v2

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsv2 "github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const single = 1

type attempts int

const typedOne attempts = 1

func loadConfigs(ctx context.Context, n int) {
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1))             // want `noretry: config\.WithRetryMaxAttempts = 1 disables retries: .*; drop it \(3 attempts by default\) or pass 3 or more$`
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(single))        // want `noretry: config\.WithRetryMaxAttempts = 1 disables retries`
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(int(typedOne))) // want `noretry: config.WithRetryMaxAttempts = 1`
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryer(func() aws.Retryer {
		return aws.NopRetryer{} // want `noretry: aws\.NopRetryer disables retries: the ECS credential fetch is not retried either; drop it for the standard retryer \(3 attempts\)$`
	}))

	// Negatives: 0 means the default (3 attempts), negative means no cap,
	// non-constant values are not reported, more attempts are fine.
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(0))
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(-1))
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(n))
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(5))
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryer(func() aws.Retryer { return retry.NewStandard() }))
}

func clients(cfg aws.Config) {
	_ = s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3\.Options\.RetryMaxAttempts = 1 disables retries`
	})
	_ = s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.Retryer = aws.NopRetryer{} // want `noretry: aws\.NopRetryer disables retries`
	})
	_ = s3.New(s3.Options{RetryMaxAttempts: 1})          // want `noretry: s3.Options.RetryMaxAttempts = 1`
	_ = s3.New(s3.Options{Retryer: &awsv2.NopRetryer{}}) // want `noretry: aws.NopRetryer`
	_ = s3.New(s3.Options{RetryMaxAttempts: 0})          // the default: 3 attempts
	_ = s3.New(s3.Options{RetryMaxAttempts: 3})

	cfg2 := aws.Config{RetryMaxAttempts: 1} // want `noretry: aws.Config.RetryMaxAttempts = 1`
	cfg2.RetryMaxAttempts = 1               // want `noretry: aws.Config.RetryMaxAttempts = 1`
	cfg2.RetryMaxAttempts = 0
	_ = cfg2
	_ = config.LoadOptions{RetryMaxAttempts: 1} // want `noretry: config.LoadOptions.RetryMaxAttempts = 1`
}

func retryers() {
	_ = retry.AddWithMaxAttempts(retry.NewStandard(), 1) // want `noretry: retry.AddWithMaxAttempts = 1`
	_ = retry.AddWithMaxAttempts(retry.NewStandard(), 0) // no cap, not "off"
	_ = retry.NewStandard(func(o *retry.StandardOptions) {
		o.MaxAttempts = 1 // want `noretry: retry.StandardOptions.MaxAttempts = 1 disables retries: .*; use 0 \(the default\) or more$`
	})
	_ = retry.NewStandard(func(o *retry.StandardOptions) { o.MaxAttempts = 0 })
	_ = retry.NewAdaptiveMode(func(o *retry.AdaptiveModeOptions) {
		o.StandardOptions = append(o.StandardOptions, func(so *retry.StandardOptions) {
			so.MaxAttempts = single // want `noretry: retry.StandardOptions.MaxAttempts = 1`
		})
	})
}

// NoRetries is a helper that returns a retryer that never retries; it
// carries a fact so that other packages' uses are reported too.
func NoRetries() aws.Retryer { // want NoRetries:`disablesRetries\(aws.NopRetryer, 1 attempt\(s\)\)`
	return aws.NopRetryer{} // want `noretry: aws.NopRetryer`
}

// PerCall disables retries for one call through a per-operation option.
func PerCall(ctx context.Context, c *s3.Client, in *s3.PutObjectInput) error {
	_, err := c.PutObject(ctx, in, func(o *s3.Options) { o.RetryMaxAttempts = 1 }) // want `noretry: s3.Options.RetryMaxAttempts = 1`
	return err
}
