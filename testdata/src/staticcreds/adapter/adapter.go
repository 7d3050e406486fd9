// Package adapter mirrors thanos objstore: a minio credentials provider of
// its own that fetches aws-sdk-go-v2 credentials each time minio finds them
// expired. Its Retrieve is a refresh, not a snapshot.
package adapter

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// AWSSDKAuth retrieves credentials from aws-sdk-go-v2.
type AWSSDKAuth struct {
	Region string
	creds  aws.Credentials
}

// NewAWSSDKAuth wraps the adapter in minio's credentials cache.
func NewAWSSDKAuth(region string) *credentials.Credentials {
	return credentials.New(&AWSSDKAuth{Region: region})
}

// RetrieveWithCredContext fetches the current credentials.
func (a *AWSSDKAuth) RetrieveWithCredContext(cc *credentials.CredContext) (credentials.Value, error) {
	cfg, err := awsconfig.LoadDefaultConfig(context.TODO(), awsconfig.WithRegion(a.Region))
	if err != nil {
		return credentials.Value{}, err
	}
	creds, err := cfg.Credentials.Retrieve(context.TODO()) // quiet
	if err != nil {
		return credentials.Value{}, err
	}
	a.creds = creds
	return credentials.Value{
		AccessKeyID:     creds.AccessKeyID,
		SecretAccessKey: creds.SecretAccessKey,
		SessionToken:    creds.SessionToken,
		SignerType:      credentials.SignatureV4,
	}, nil
}

// Retrieve retrieves the keys.
func (a *AWSSDKAuth) Retrieve() (credentials.Value, error) {
	return a.RetrieveWithCredContext(nil)
}

// IsExpired reports whether the credentials have expired.
func (a *AWSSDKAuth) IsExpired() bool { return a.creds.Expired() }

// staticAdapter builds a static provider inside its Retrieve: it runs on
// every refresh, so it is quiet too.
type staticAdapter struct{ base aws.CredentialsProvider }

func (s *staticAdapter) Retrieve() (credentials.Value, error) {
	v, err := s.base.Retrieve(context.TODO())
	if err != nil {
		return credentials.Value{}, err
	}
	return credentials.NewStaticV4(v.AccessKeyID, v.SecretAccessKey, v.SessionToken).Get()
}

func (s *staticAdapter) IsExpired() bool { return true }

func client(endpoint string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{Creds: NewAWSSDKAuth("eu-west-1"), Secure: true})
}
