// Package dotimport reaches the SDK through a dot import and an alias:
// credlint matches objects, not source text.
package dotimport

import (
	. "github.com/aws/aws-sdk-go-v2/config"
	mio "github.com/minio/minio-go/v7"
)

var _ = WithRetryMaxAttempts(1) // want `noretry: config.WithRetryMaxAttempts = 1`

func init() {
	mio.MaxRetry = 1 // want `noretry: minio.MaxRetry = 1`
}

// withRetries is a function value of an SDK option: not a call to it.
var withRetries = WithRetryMaxAttempts

var _ = withRetries(5)
