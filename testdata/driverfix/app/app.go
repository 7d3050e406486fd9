// Package app uses helpers (not requested with ./app): its findings need
// facts that only helpers' function bodies produce.
package app

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/driverfix/helpers"
)

var client = s3.New(s3.Options{Region: "eu-west-1", Credentials: helpers.Creds()}, helpers.Options()) // globalclient, noretry

// Worker retries forever on the errors of helpers.Retry (an S3
// operation's, through a helper whose body names no SDK symbol).
func Worker(ctx context.Context) {
	for {
		if err := helpers.Retry(ctx, "k"); err != nil { // expiryerr
			continue
		}
	}
}

// Watch leaves on an expired token: helpers.Check classifies it.
func Watch(ctx context.Context, s *helpers.Store) {
	for {
		if err := s.Put(ctx, "k"); err != nil {
			if helpers.Check(err) {
				return
			}
			continue
		}
	}
}

// Match asks helpers.IsExpired, a match on the error's text.
func Match(ctx context.Context, s *helpers.Store) bool {
	err := s.Put(ctx, "k")
	return err != nil && helpers.IsExpired(err) // expiryerr
}

// Client is the process's client.
func Client() *s3.Client { return client }
