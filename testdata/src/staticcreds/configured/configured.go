// Package configured mirrors services that take keys from their own
// configuration (loki, rclone, seaweedfs): reported by default with
// "configuration" provenance; see ../allowconfigured for the option.
package configured

import (
	"context"
	"net/http"
	"net/url"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3iface"
)

// Secret hides a value in logs (loki's flagext.Secret).
type Secret struct{ value string }

func (s Secret) String() string { return s.value }

// S3Config is loki's storage configuration.
type S3Config struct {
	URL             *url.URL
	Region          string
	AccessKeyID     string
	SecretAccessKey Secret
	SessionToken    Secret
}

func credentialsFromURL(u *url.URL) (key, secret string) {
	if u.User != nil {
		key = u.User.Username()
		secret, _ = u.User.Password()
	}
	return key, secret
}

// lokiOptions returns an option func that sets keys from the URL or from
// the config fields.
func lokiOptions(cfg S3Config) func(*s3.Options) {
	awsURL := cfg.URL
	return func(opts *s3.Options) {
		if awsURL != nil {
			key, secret := credentialsFromURL(awsURL)
			if key != "" || secret != "" {
				opts.Credentials = credentials.NewStaticCredentialsProvider(key, secret, "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(credentialsFromURL\(awsURL\)\)`
			}
		}
		if cfg.AccessKeyID != "" && cfg.SecretAccessKey.String() != "" {
			opts.Credentials = credentials.NewStaticCredentialsProvider(cfg.AccessKeyID, cfg.SecretAccessKey.String(), cfg.SessionToken.String()) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(cfg\.AccessKeyID, …\)`
		}
	}
}

func lokiClient(ctx context.Context, cfg S3Config) (*s3.Client, error) {
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(awsCfg, lokiOptions(cfg)), nil
}

// Options are rclone's backend options.
type Options struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
	EnvAuth         bool
}

// rcloneConnection makes static auth the default, then maybe replaces it.
func rcloneConnection(ctx context.Context, opt *Options) (*s3.Client, error) {
	var awsConfig aws.Config
	v := aws.Credentials{
		AccessKeyID:     opt.AccessKeyID,
		SecretAccessKey: opt.SecretAccessKey,
		SessionToken:    opt.SessionToken,
	}
	awsConfig.Credentials = &credentials.StaticCredentialsProvider{Value: v} // want `staticcreds: credentials\.StaticCredentialsProvider builds static keys from config \(opt\.AccessKeyID, …\)`
	if opt.EnvAuth && opt.AccessKeyID == "" && opt.SecretAccessKey == "" {
		var err error
		awsConfig, err = awsconfig.LoadDefaultConfig(ctx)
		if err != nil {
			return nil, err
		}
	}
	return s3.NewFromConfig(awsConfig), nil
}

// createSession mirrors seaweedfs' tier backend: static keys when
// configured, otherwise the default chain.
func createSession(awsAccessKeyID, awsSecretAccessKey, region, endpoint string) (s3iface.S3API, error) {
	config := &awsv1.Config{
		Region:     awsv1.String(region),
		Endpoint:   awsv1.String(endpoint),
		HTTPClient: &http.Client{},
	}
	if awsAccessKeyID != "" && awsSecretAccessKey != "" {
		config.Credentials = credsv1.NewStaticCredentials(awsAccessKeyID, awsSecretAccessKey, "") // want `staticcreds: credentials\.NewStaticCredentials builds static keys from config \(parameter awsAccessKeyID, …\)`
	}
	sess, err := session.NewSession(config)
	if err != nil {
		return nil, err
	}
	return s3v1.New(sess), nil
}
