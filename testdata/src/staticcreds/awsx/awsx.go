// Package awsx is a helper package: its constructors carry Creds facts so
// that their callers in other packages know where the credentials come from.
package awsx

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// NewS3 builds a client on static keys from the environment.
func NewS3(ctx context.Context) (*s3.Client, error) { // want NewS3:`static\(environment: credentials.NewStaticCredentialsProvider\(os.Getenv\("AWS_ACCESS_KEY_ID"\), \.\.\.\) at src/staticcreds/awsx/awsx.go:18\)`
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))), // want `staticcreds: credentials.NewStaticCredentialsProvider`
	)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// Default builds a client on the default chain.
func Default(ctx context.Context) (*s3.Client, error) { // want Default:`refreshing`
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// Keys wraps operator-supplied keys.
func Keys(key, secret string) aws.CredentialsProvider { // want Keys:`static\(configuration: credentials.NewStaticCredentialsProvider\(key, \.\.\.\) at src/staticcreds/awsx/awsx.go:37\)`
	return credentials.NewStaticCredentialsProvider(key, secret, "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(parameter key, parameter secret\)`
}

// Anonymous builds an unsigned client.
func Anonymous() *s3.Client { // want Anonymous:`anonymous`
	return s3.New(s3.Options{Credentials: aws.AnonymousCredentials{}})
}

// Client is a process-wide client on static keys.
var Client, _ = NewS3(context.Background()) // want Client:`static\(environment: .* \(via NewS3 at src/staticcreds/awsx/awsx.go:46\)\)`
