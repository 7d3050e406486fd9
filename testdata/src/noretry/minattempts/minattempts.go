// Package minattempts runs with noretry.min-attempts = 3.
package minattempts

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go/aws"
)

func load(ctx context.Context) {
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(2)) // want `noretry: config.WithRetryMaxAttempts = 2 allows only 2 attempts \(noretry.min-attempts is 3\)`
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(3))
	_ = &aws.Config{MaxRetries: aws.Int(1)} // want `noretry: aws.Config.MaxRetries = 1 allows only 2 attempts`
	_ = &aws.Config{MaxRetries: aws.Int(2)}
}
