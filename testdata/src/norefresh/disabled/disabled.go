// Package disabled is an adapter that drops the expiry, in a directory
// whose .credlint.toml disables norefresh: quiet.
package disabled

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
)

type adapter struct{ src aws.CredentialsProvider }

func (a *adapter) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := a.src.Retrieve(ctx)
	return aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken}, err
}
