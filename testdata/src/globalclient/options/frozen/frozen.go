// Package frozen hands out static providers built from a snapshot: a
// helper in another package than the global it ends up in.
package frozen

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// Provider freezes a snapshot of cfg's credentials into a static provider.
func Provider(ctx context.Context, cfg aws.Config) (aws.CredentialsProvider, error) {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	return credentials.StaticCredentialsProvider{Value: creds}, nil
}

// Refreshing returns the provider itself.
func Refreshing(cfg aws.Config) aws.CredentialsProvider {
	return aws.NewCredentialsCache(cfg.Credentials)
}
