// Package exclude is analyzed; its legacy/ directory is excluded.
package exclude

import "github.com/aws/aws-sdk-go-v2/config"

var _ = config.WithRetryMaxAttempts(1) // want `noretry: config.WithRetryMaxAttempts = 1`
