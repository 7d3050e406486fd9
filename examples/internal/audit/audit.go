// Package audit tags the worker's AWS credentials with the component that
// uses them, for the audit log. It exists to show a norefresh finding: the
// adapter rebuilds aws.Credentials and drops CanExpire and Expires, so the
// cache config.WithCredentialsProvider puts around it keeps the task role's
// first session until every call fails with ExpiredToken.
//
// The fix (credlint -fix applies it) copies CanExpire and Expires from the
// source.
package audit

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
)

// tagged is a credentials provider that records who asked.
type tagged struct {
	component string
	src       aws.CredentialsProvider
}

func (t *tagged) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := t.src.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{
		AccessKeyID:     c.AccessKeyID,
		SecretAccessKey: c.SecretAccessKey,
		SessionToken:    c.SessionToken,
		Source:          "audit:" + t.component,
	}, nil
}

// Config loads the default config with credentials tagged for component.
func Config(ctx context.Context, component string) (aws.Config, error) {
	base, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	return config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(&tagged{component: component, src: base.Credentials}))
}
