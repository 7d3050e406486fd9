// Package sts builds static providers from the output of STS calls and
// from a configured session token. Both are temporary credentials: they
// stay reported under allow-configured-keys (set in the parent directory).
package sts

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	stsv1 "github.com/aws/aws-sdk-go/service/sts"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
)

// assumed copies an AssumeRole output into a static provider.
func assumed(ctx context.Context, cfg aws.Config, role string) (*s3.Client, error) {
	out, err := sts.NewFromConfig(cfg).AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String(role), RoleSessionName: aws.String("app")})
	if err != nil {
		return nil, err
	}
	creds := credentials.NewStaticCredentialsProvider(aws.ToString(out.Credentials.AccessKeyId), aws.ToString(out.Credentials.SecretAccessKey), aws.ToString(out.Credentials.SessionToken)) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes STS credentials \(sts\.NewFromConfig\(cfg\)\.… at src/staticcreds/allowconfigured/sts/sts\.go:\d+\)`
	return s3.NewFromConfig(cfg, func(o *s3.Options) { o.Credentials = creds }), nil
}

// session copies a GetSessionToken output through a local, by dereference.
func session(ctx context.Context, client *sts.Client) aws.CredentialsProvider {
	out, _ := client.GetSessionToken(ctx, &sts.GetSessionTokenInput{})
	c := out.Credentials
	return credentials.StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: *c.AccessKeyId, SecretAccessKey: *c.SecretAccessKey, SessionToken: *c.SessionToken}} // want `staticcreds: credentials\.StaticCredentialsProvider\{\.\.\.\} freezes STS credentials \(client\.GetSessionToken\(ctx, \.\.\.\) at src/staticcreds/allowconfigured/sts/sts\.go:\d+\): they expire; use stscreds\.NewAssumeRoleProvider`
}

// v1Assumed is the same with aws-sdk-go.
func v1Assumed(client *stsv1.STS, role string) *awsv1.Config {
	out, _ := client.AssumeRole(&stsv1.AssumeRoleInput{RoleArn: awsv1.String(role)})
	return awsv1.NewConfig().WithCredentials(credsv1.NewStaticCredentials(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)) // want `staticcreds: credentials\.NewStaticCredentials freezes STS credentials \(client\.AssumeRole\(\.\.\.\) at src/staticcreds/allowconfigured/sts/sts\.go:\d+\): they expire; use stscreds\.NewCredentials`
}

// minioFederated hands an STS output to minio.
func minioFederated(ctx context.Context, client *sts.Client, endpoint string) (*minio.Client, error) {
	out, err := client.GetFederationToken(ctx, &sts.GetFederationTokenInput{Name: aws.String("app")})
	if err != nil {
		return nil, err
	}
	return minio.New(endpoint, &minio.Options{Creds: miniocreds.NewStaticV4(*out.Credentials.AccessKeyId, *out.Credentials.SecretAccessKey, *out.Credentials.SessionToken)}) // want `staticcreds: credentials\.NewStaticV4 freezes STS credentials \(client\.GetFederationToken\(ctx, \.\.\.\) at src/staticcreds/allowconfigured/sts/sts\.go:\d+\): they expire; use credentials\.NewSTSAssumeRole`
}

// Settings is operator configuration.
type Settings struct {
	AccessKey    string
	SecretKey    string
	SessionToken string
}

// configuredToken: a configured session token means temporary
// credentials, which allow-configured-keys does not cover.
func configuredToken(s Settings) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(s.AccessKey, s.SecretKey, s.SessionToken) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(s\.AccessKey, s\.SecretKey, …\)`
}

// configuredKeys without a token: long-lived operator keys, allowed here.
func configuredKeys(s Settings) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(s.AccessKey, s.SecretKey, "")
}

// roleARNOnly uses the STS output for its expiry, not its keys.
func roleARNOnly(ctx context.Context, client *sts.Client) bool {
	out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::123456789012:role/app")})
	return err == nil && out.Credentials.Expiration != nil
}

// ssoRole copies SSO role credentials (temporary, like STS outputs).
func ssoRole(ctx context.Context, client *sso.Client, token string) aws.CredentialsProvider {
	out, _ := client.GetRoleCredentials(ctx, &sso.GetRoleCredentialsInput{AccessToken: aws.String(token)})
	rc := out.RoleCredentials
	return credentials.NewStaticCredentialsProvider(*rc.AccessKeyId, *rc.SecretAccessKey, *rc.SessionToken) // want `staticcreds: credentials\.NewStaticCredentialsProvider freezes STS credentials \(client\.GetRoleCredentials\(ctx, \.\.\.\) at src/staticcreds/allowconfigured/sts/sts\.go:\d+\): they expire; use stscreds\.NewAssumeRoleProvider`
}
