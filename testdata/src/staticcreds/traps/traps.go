// Package traps looks like credentials but builds none.
package traps

import (
	"context"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Credentials is the user's own type, named like the SDK's.
type Credentials struct {
	AccessKeyID     string
	SecretAccessKey string
}

// NewStaticCredentials is the user's own function, named like v1's.
func NewStaticCredentials(id, secret, token string) *Credentials {
	return &Credentials{AccessKeyID: id, SecretAccessKey: secret}
}

// Account has fields named like credentials that are not.
type Account struct {
	AWSSecretKeyRotationDays int
	AccessKey                string // an API key of another service
}

func names(ctx context.Context) (*s3.Client, error) {
	credentials := NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")
	accessKey := "AKIAIOSFODNN7EXAMPLE"
	log.Println(credentials.AccessKeyID != "", len(accessKey), Account{AccessKey: "k"})
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// values builds aws.Credentials that never reach a provider.
func values() string {
	v := aws.Credentials{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY")}
	return v.AccessKeyID
}

// region sets an AWS variable that is not a credential.
func region() { _ = os.Setenv("AWS_REGION", "eu-west-1") }
