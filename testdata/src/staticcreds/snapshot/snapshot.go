// Package snapshot mirrors argoproj/pkg s3: credentials of the default
// chain (or an assumed role) are taken once with Get() and frozen into a
// minio static provider for a long-lived client.
package snapshot

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials/stscreds"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3ClientOpts configures the client.
type S3ClientOpts struct {
	Endpoint  string
	Region    string
	AccessKey string
	SecretKey string
	RoleARN   string
}

// GetAWSCredentials gets AWS credentials based on the default order from the SDK.
func GetAWSCredentials(opts S3ClientOpts) (*credentials.Credentials, error) {
	sess := session.Must(session.NewSessionWithOptions(session.Options{
		Config:            aws.Config{Region: aws.String(opts.Region)},
		SharedConfigState: session.SharedConfigEnable,
	}))

	value, err := sess.Config.Credentials.Get() // quiet: the snapshot itself
	if err != nil {
		return nil, err
	}
	return credentials.NewStaticV4(value.AccessKeyID, value.SecretAccessKey, value.SessionToken), nil // want `staticcreds: credentials\.NewStaticV4\(value\.AccessKeyID, \.\.\.\) freezes a snapshot \(sess\.Config\.Credentials\.Get\(\) at src/staticcreds/snapshot/snapshot\.go:\d+\): it expires within hours; pass the provider instead`
}

// GetAssumeRoleCredentials gets assumed-role credentials, once.
func GetAssumeRoleCredentials(opts S3ClientOpts) (*credentials.Credentials, error) {
	sess := session.Must(session.NewSession())
	creds := stscreds.NewCredentials(sess, opts.RoleARN)
	value, err := creds.Get()
	if err != nil {
		return nil, err
	}
	return credentials.NewStaticV4(value.AccessKeyID, value.SecretAccessKey, value.SessionToken), nil // want `staticcreds: credentials\.NewStaticV4\(value\.AccessKeyID, \.\.\.\) freezes a snapshot \(creds\.Get\(\) at src/staticcreds/snapshot/snapshot\.go:\d+\)`
}

// GetCredentials picks static keys, an assumed role, the SDK or IAM.
func GetCredentials(opts S3ClientOpts) (*credentials.Credentials, error) {
	if opts.AccessKey != "" && opts.SecretKey != "" {
		return credentials.NewStaticV4(opts.AccessKey, opts.SecretKey, ""), nil // want `staticcreds: credentials\.NewStaticV4 builds static keys from config \(opts\.AccessKey, opts\.SecretKey\)`
	} else if opts.RoleARN != "" {
		return GetAssumeRoleCredentials(opts)
	}
	return credentials.NewIAM(""), nil
}
