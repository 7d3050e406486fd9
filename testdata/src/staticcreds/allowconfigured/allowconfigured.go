// Package allowconfigured sets staticcreds.allow-configured-keys: keys from
// parameters and config fields are deliberate; every other provenance is
// still reported.
package allowconfigured

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// Config is the service's configuration.
type Config struct {
	AccessKey string
	SecretKey string
	Token     string `env:"AWS_SESSION_TOKEN"`
	Key       string `envconfig:"AWS_ACCESS_KEY_ID"`
}

func configured(cfg Config) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(cfg.AccessKey, cfg.SecretKey, "")
}

func parameters(key, secret string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(key, secret, "")
}

func tagged(cfg Config) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(cfg.Key, cfg.SecretKey, cfg.Token) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from AWS_ACCESS_KEY_ID, …`
}

func environment() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from AWS_ACCESS_KEY_ID, …`
}

func literal() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from literals \(AKIA…MPLE\)`
}

func snapshot(ctx context.Context, cfg aws.Config) aws.CredentialsProvider {
	v, _ := cfg.Credentials.Retrieve(ctx)
	return credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken) // want `staticcreds: .* snapshot`
}
