// Package crosspkg uses retrylib's helpers: the fact on each helper makes
// the use here a finding.
package crosspkg

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"credlint.test/src/noretry/retrylib"
)

func build(ctx context.Context) (*s3.Client, error) { // want build:`disablesRetries\(s3.Options.RetryMaxAttempts = 1, 1 attempt\(s\)\)`
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRetryer(retrylib.Nop)) // want `noretry: retrylib\.Nop returns aws\.NopRetryer \(src/noretry/retrylib/retrylib\.go:\d+\), which disables retries: the ECS credential fetch is not retried either; drop it for the standard retryer \(3 attempts\)$`
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg, retrylib.SingleAttempt()), nil // want `noretry: retrylib\.SingleAttempt returns s3\.Options\.RetryMaxAttempts = 1 \(src/noretry/retrylib/retrylib\.go:\d+\), which disables retries`
}

// Wrapped re-exports a helper: it carries the fact on.
func Wrapped() aws.Retryer { // want Wrapped:`disablesRetries\(aws.NopRetryer, 1 attempt\(s\)\)`
	return retrylib.Nop() // want `noretry: retrylib.Nop returns aws.NopRetryer`
}

func standard() aws.Retryer { return retrylib.Standard() }
