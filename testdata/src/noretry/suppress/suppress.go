// Package suppress checks suppression comments.
package suppress

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
)

func load(ctx context.Context) {
	//credlint:ignore noretry the caller retries with fresh credentials
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1))
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1)) //credlint:ignore noretry replayed in tests only

	// credlint:ignore noretry with a space after the slashes it is the same directive
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1))

	// want +1 `credlint: //credlint:ignore noretry needs a reason`
	//credlint:ignore noretry
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1))

	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1)) //nolint:credlint
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1)) //nolint:credlint:noretry // deliberate
	_, _ = config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1)) //nolint:credlint:staticcreds // want `noretry: config.WithRetryMaxAttempts = 1`

	// want +1 `credlint: //credlint:ignore noretry suppresses nothing`
	//credlint:ignore noretry nothing to suppress here
	_, _ = config.LoadDefaultConfig(ctx)

	// want +1 `credlint: //credlint:ignore names unknown rule "nosuchrule"`
	//credlint:ignore nosuchrule reason
	_, _ = config.LoadDefaultConfig(ctx)
}
