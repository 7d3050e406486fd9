// Package legacy is excluded by the exclude glob "legacy/**".
package legacy

import "github.com/aws/aws-sdk-go-v2/config"

var _ = config.WithRetryMaxAttempts(1)

//credlint:ignore noretry an ignore in an excluded file is never "unused"
var _ = 1
