// Package v2 builds aws-sdk-go-v2 credentials of every provenance.
package v2

import (
	"context"
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

func fromEnv(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("eu-west-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")))) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from AWS_ACCESS_KEY_ID, …`
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

func literal() *s3.Client {
	return s3.New(s3.Options{
		Region:      "eu-west-1",
		Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""), // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from literals \(AKIA…MPLE\)`
	})
}

// snapshot copies the default chain's current credentials into a static
// provider: they were refreshing, the copy is not.
func snapshot(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	v, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	frozen := credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/v2/v2\.go:\d+\): it expires within hours; pass the provider instead`
	return s3.NewFromConfig(aws.Config{Region: cfg.Region, Credentials: frozen}), nil
}

// snapshotLiteral puts the snapshot in a StaticCredentialsProvider literal.
func snapshotLiteral(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return credentials.StaticCredentialsProvider{Value: v} // want `staticcreds: credentials\.StaticCredentialsProvider\{\.\.\.\} freezes a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/v2/v2\.go:\d+\): it expires within hours; pass the provider instead`
}

// Options is the service's configuration.
type Options struct {
	Bucket    string
	AccessKey string
	SecretKey string
}

func fromParams(key, secret string) aws.CredentialsProvider {
	return aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider(key, secret, "")) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(parameter key, parameter secret\)`
}

func fromOptions(opts *Options) aws.Config {
	return aws.Config{Credentials: credentials.NewStaticCredentialsProvider(opts.AccessKey, opts.SecretKey, "")} // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(opts\.AccessKey, opts\.SecretKey\)`
}

// Settings binds fields to environment variables (envconfig, caarlos0/env).
type Settings struct {
	Key    string `env:"AWS_ACCESS_KEY_ID"`
	Secret string `envconfig:"AWS_SECRET_ACCESS_KEY"`
	Token  string `env:"AWS_SESSION_TOKEN,required"`
}

func fromTaggedFields(s Settings) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(s.Key, s.Secret, s.Token) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from AWS_ACCESS_KEY_ID, …`
}

// fixed is an aws.CredentialsProviderFunc that returns the same value
// forever: a static provider in disguise.
func fixed(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { // want `staticcreds: aws\.CredentialsProviderFunc\(func\(\.\.\.\) \{\.\.\.\}\) freezes a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/v2/v2\.go:\d+\): it expires within hours; pass the provider instead`
		return v, nil
	})
}

// fixedLiteral returns a literal built outside the function.
func fixedLiteral() aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { // want `staticcreds: aws\.CredentialsProviderFunc builds static keys from AWS_ACCESS_KEY_ID, …`
		return aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY")}, nil
	})
}

// fetching retrieves each time it is called: not fixed.
func fetching(cfg aws.Config) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		return cfg.Credentials.Retrieve(ctx)
	})
}

// perOperation sets static credentials in a functional option.
func perOperation(ctx context.Context, c *s3.Client, key, secret string) error {
	_, err := c.ListBuckets(ctx, &s3.ListBucketsInput{}, func(o *s3.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider(key, secret, "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(parameter key, parameter secret\)`
	})
	return err
}

// stsClient is not S3, but its credentials are as static.
func stsClient(token string) *sts.Client {
	return sts.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", token)}) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from literals \(AKIA…MPLE\)`
}

var keySource func() string

func unknownOrigin() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(keySource(), keySource(), "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys`
}

// Quiet below.

func defaultChain(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	// Retrieve only to check that credentials are there: not a snapshot.
	if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
		log.Printf("no credentials: %v", err)
	}
	return s3.NewFromConfig(cfg), nil
}

func assumeRole(cfg aws.Config) *s3.Client {
	cfg.Credentials = aws.NewCredentialsCache(stscreds.NewAssumeRoleProvider(sts.NewFromConfig(cfg), "arn:aws:iam::123456789012:role/app"))
	return s3.NewFromConfig(cfg)
}

func anonymous() *s3.Client {
	return s3.New(s3.Options{Region: "eu-west-1", Credentials: aws.AnonymousCredentials{}})
}

func emptyKeys() *s3.Client {
	return s3.New(s3.Options{Region: "eu-west-1", Credentials: credentials.NewStaticCredentialsProvider("", "", "")})
}

// refresher is a provider of the user's own that builds a static provider
// inside Retrieve: it runs on every refresh, so it is an adapter.
type refresher struct{ base aws.CredentialsProvider }

func (r *refresher) Retrieve(ctx context.Context) (aws.Credentials, error) {
	v, err := r.base.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken).Retrieve(ctx)
}

// otherVariables reads variables the default chain does not read: they do
// not override the task role, but they never refresh either.
func otherVariables() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv("PARTNER_KEY"), os.Getenv("PARTNER_SECRET"), "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from PARTNER_KEY, PARTNER_SECRET`
}
