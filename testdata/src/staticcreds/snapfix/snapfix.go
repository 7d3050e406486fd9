// Package snapfix holds snapshots frozen into static providers in the forms
// real code uses, each with the fix that hands over the provider the
// snapshot was taken from.
package snapfix

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
)

// An option appended to a slice of LoadDefaultConfig options.
func appended(ctx context.Context, base aws.Config, region string) (aws.Config, error) {
	v, err := base.Credentials.Retrieve(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	opts := []func(*config.LoadOptions) error{config.WithRegion(region)}
	opts = append(opts, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken))) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes a snapshot \(base\.Credentials\.Retrieve\(ctx\) at src/staticcreds/snapfix/snapfix\.go:\d+\): it expires within hours; pass the provider instead`
	return config.LoadDefaultConfig(ctx, opts...)
}

// A functional option of s3.NewFromConfig.
func option(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	v, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/snapfix/snapfix\.go:\d+\): it expires within hours; pass the provider instead`
	}), nil
}

// aws-sdk-go: a config literal of a service client.
func v1Client(sess *session.Session) *s3v1.S3 {
	value, err := sess.Config.Credentials.Get()
	if err != nil {
		return nil
	}
	return s3v1.New(sess, &awsv1.Config{Credentials: credsv1.NewStaticCredentials(value.AccessKeyID, value.SecretAccessKey, value.SessionToken)}) // want `staticcreds: credentials\.NewStaticCredentials freezes a snapshot \(sess\.Config\.Credentials\.Get\(\) at src/staticcreds/snapfix/snapfix\.go:\d+\): it expires within hours; pass the provider instead`
}

// The provider overridden with a copy of itself: the fix removes the
// override (replacing the copy would leave cfg.Credentials = cfg.Credentials).
func override(ctx context.Context) (aws.Config, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	v, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	cfg.Credentials = credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/snapfix/snapfix\.go:\d+\)`
	return cfg, nil
}

// No fix: the snapshot was taken in another function (the provider is not
// at hand here).
func fromParam(v aws.Credentials) *s3.Client {
	return s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)}) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(parameter v\)`
}

// No fix: the provider is a call's result, not a variable.
func fromCall(ctx context.Context) *s3.Client {
	v, _ := load(ctx).Credentials.Retrieve(ctx)
	return s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)}) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes a snapshot \(load\(ctx\)\.Credentials\.Retrieve\(ctx\) at src/staticcreds/snapfix/snapfix\.go:\d+\): it expires within hours; pass the provider instead`
}

func load(ctx context.Context) aws.Config {
	cfg, _ := config.LoadDefaultConfig(ctx)
	return cfg
}
