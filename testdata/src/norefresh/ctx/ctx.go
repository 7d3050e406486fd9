// Package ctx holds norefresh cases of providers that fetch with a context
// captured when they were built.
package ctx

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// build captures its own timeout context in the provider: the first
// Retrieve works, every refresh after build returned fails.
func build(role string) (aws.Config, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	client := sts.NewFromConfig(cfg)
	cfg.Credentials = aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role, RoleSessionName: aws.String("x")}) // want `norefresh: the provider func fetches with ctx from context\.WithTimeout, cancelled when build returns \(defer cancel\(\)\): every refresh after the first fails on ECS; use the ctx it is given`
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	}))
	return cfg, nil
}

// ownCtx uses the ctx it is given: quiet.
func ownCtx(role string) (aws.Config, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	client := sts.NewFromConfig(cfg)
	cfg.Credentials = aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role, RoleSessionName: aws.String("x")})
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	}))
	return cfg, nil
}

// background captures a context that never ends: quiet.
func background(client *sts.Client, role string) aws.CredentialsProvider {
	ctx := context.Background()
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role})
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	})
}

// parentCtx captures its caller's context, whose life it cannot see:
// quiet.
func parentCtx(ctx context.Context, client *sts.Client, role string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role})
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	})
}

// roleProvider keeps the builder's context in a field.
type roleProvider struct {
	ctx    context.Context
	client *sts.Client
	role   string
}

func (p *roleProvider) Retrieve(ctx context.Context) (aws.Credentials, error) {
	out, err := p.client.AssumeRole(p.ctx, &sts.AssumeRoleInput{RoleArn: &p.role}) // want `norefresh: Retrieve fetches with p\.ctx from context\.WithDeadline, which ends at its deadline: every refresh after the first fails`
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
}

func newRoleProvider(client *sts.Client, role string) *roleProvider {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(time.Minute))
	_ = cancel // the deadline ends ctx
	return &roleProvider{ctx: ctx, client: client, role: role}
}
