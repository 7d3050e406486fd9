// Package v1 builds aws-sdk-go (v1) credentials of every provenance.
package v1

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/defaults"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
)

func fromEnv() *s3.S3 {
	sess := session.Must(session.NewSession(&aws.Config{
		Region:      aws.String("eu-west-1"),
		Credentials: credentials.NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""), // want `staticcreds: credentials\.NewStaticCredentials builds static keys from AWS_ACCESS_KEY_ID, …`
	}))
	return s3.New(sess)
}

func fromLiteralValue() *credentials.Credentials {
	return credentials.NewStaticCredentialsFromCreds(credentials.Value{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", SessionToken: "FwoGZXIvYXdzEBYaDHVzZXItdG9rZW4tZXhhbXBsZQ"}) // want `staticcreds: credentials\.NewStaticCredentialsFromCreds builds static keys from literals \(AKIA…MPLE\)`
}

// snapshot freezes the session's credentials (hashicorp awsutil shape).
func snapshot(sess *session.Session) (*credentials.Credentials, error) {
	v, err := sess.Config.Credentials.Get()
	if err != nil {
		return nil, err
	}
	return credentials.NewCredentials(&credentials.StaticProvider{Value: v}), nil // want `staticcreds: credentials\.StaticProvider\{\.\.\.\} freezes a snapshot \(sess\.Config\.Credentials\.Get\(\) at src/staticcreds/v1/v1\.go:\d+\): it expires within hours; pass the provider instead`
}

func envProvider() *s3.S3 {
	sess := session.Must(session.NewSession(&aws.Config{Credentials: credentials.NewEnvCredentials()})) // want `staticcreds: credentials\.NewEnvCredentials reads AWS_ACCESS_KEY_ID, … once`
	return s3.New(sess)
}

func envProviderLiteral() *credentials.Credentials {
	return credentials.NewCredentials(&credentials.EnvProvider{}) // want `staticcreds: credentials\.EnvProvider reads AWS_ACCESS_KEY_ID, … once`
}

func sharedFile() *credentials.Credentials {
	return credentials.NewSharedCredentials("", "default") // want `staticcreds: credentials\.NewSharedCredentials\("", \.\.\.\) reads the shared credentials file once`
}

// envOnlyChain has no refreshing provider: the environment provider is
// as static as it is alone.
func envOnlyChain() *credentials.Credentials {
	return credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvProvider{},               // want `staticcreds: credentials\.EnvProvider reads AWS_ACCESS_KEY_ID, … once`
		&credentials.SharedCredentialsProvider{}, // want `staticcreds: credentials.SharedCredentialsProvider\{\} reads the shared credentials file`
	})
}

// DriverParameters is a storage driver's configuration (distribution/v3 shape).
type DriverParameters struct {
	AccessKey      string
	SecretKey      string
	SessionToken   string
	RegionEndpoint string
}

// newDriver uses static keys when configured, the default chain otherwise.
func newDriver(params DriverParameters) (*s3.S3, error) {
	awsConfig := aws.NewConfig()
	if params.AccessKey != "" && params.SecretKey != "" {
		creds := credentials.NewStaticCredentials( // want `staticcreds: credentials\.NewStaticCredentials builds static keys from config \(params\.AccessKey, …\)`
			params.AccessKey,
			params.SecretKey,
			params.SessionToken,
		)
		awsConfig.WithCredentials(creds)
	}
	if params.RegionEndpoint != "" {
		awsConfig.WithEndpoint(params.RegionEndpoint)
	}
	sess, err := session.NewSession(awsConfig)
	if err != nil {
		return nil, err
	}
	return s3.New(sess), nil
}

// Quiet below.

var sess = session.Must(session.NewSession())

func defaultChain() *s3.S3 { return s3.New(sess) }

func anonymous() *s3.S3 {
	return s3.New(session.Must(session.NewSession(&aws.Config{Credentials: credentials.AnonymousCredentials})))
}

func emptyKeys() *credentials.Credentials { return credentials.NewStaticCredentials("", "", "") }

// defaultLikeChain mirrors the SDK's own default chain: environment,
// shared file, then the ECS / EC2 role.
func defaultLikeChain() *credentials.Credentials {
	def := defaults.Get()
	return credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvProvider{},
		&credentials.SharedCredentialsProvider{},
		defaults.RemoteCredProvider(*def.Config, def.Handlers),
	})
}

// chainProvider is the same as a ChainProvider literal.
func chainProvider() *credentials.Credentials {
	def := defaults.Get()
	return credentials.NewCredentials(&credentials.ChainProvider{Providers: []credentials.Provider{
		&credentials.EnvProvider{},
		defaults.RemoteCredProvider(*def.Config, def.Handlers),
	}})
}
