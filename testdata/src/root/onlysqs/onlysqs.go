// Package onlysqs imports no SDK package but a service other than S3: the
// fast path lets the rules in.
package onlysqs

import "github.com/aws/aws-sdk-go-v2/service/sqs"

func configure(o *sqs.Options) {
	o.RetryMaxAttempts = 1 // want `noretry: sqs\.Options\.RetryMaxAttempts = 1 disables retries`
}

var _ = configure
