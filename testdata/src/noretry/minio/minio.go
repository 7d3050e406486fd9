// Package minio holds noretry cases for minio-go.
package minio

import (
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

func init() {
	minio.MaxRetry = 1 // want `noretry: minio\.MaxRetry = 1 disables retries: a throttle or a 5xx fails at once; leave minio\.MaxRetry at its default, 10$`
}

func clients(endpoint string) {
	creds := credentials.NewIAM("")
	_, _ = minio.New(endpoint, &minio.Options{Creds: creds, MaxRetries: 1}) // want `noretry: minio\.Options\.MaxRetries = 1 disables retries: .*; leave MaxRetries 0 \(the default, minio\.MaxRetry: 10 attempts\)$`
	opts := &minio.Options{Creds: creds}
	opts.MaxRetries = 1 // want `noretry: minio.Options.MaxRetries = 1`

	// Negatives: 0 means minio.MaxRetry (10 attempts); 3 attempts are retries.
	_, _ = minio.New(endpoint, &minio.Options{Creds: creds, MaxRetries: 0})
	_, _ = minio.New(endpoint, &minio.Options{Creds: creds, MaxRetries: 3})
}

func zero() {
	minio.MaxRetry = 0 // want `noretry: minio.MaxRetry = 0 allows no attempt at all`
}
