// Package fix holds norefresh cases with suggested fixes.
package fix

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

type adapter struct{ src aws.CredentialsProvider }

func (a *adapter) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := a.src.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{ // want `norefresh: Retrieve drops the expiry of another provider's credentials \(c\)`
		AccessKeyID:     c.AccessKeyID,
		SecretAccessKey: c.SecretAccessKey,
		SessionToken:    c.SessionToken,
	}, nil
}

type oneLine struct{ src aws.CredentialsProvider }

func (o oneLine) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := o.src.Retrieve(ctx)
	return aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken, CanExpire: false}, err // want `norefresh: Retrieve sets CanExpire: false on another provider's credentials \(c\)`
}

type assume struct {
	client *sts.Client
	role   string
}

func (a *assume) Retrieve(ctx context.Context) (aws.Credentials, error) {
	out, err := a.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &a.role, RoleSessionName: aws.String("x")})
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{ // want `norefresh: Retrieve returns an STS output's session token \(out\.Credentials\)`
		AccessKeyID:     aws.ToString(out.Credentials.AccessKeyId),
		SecretAccessKey: aws.ToString(out.Credentials.SecretAccessKey),
		SessionToken:    aws.ToString(out.Credentials.SessionToken),
	}, nil
}

func build(role string) (aws.Config, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Config{}, err
	}
	client := sts.NewFromConfig(cfg)
	cfg.Credentials = aws.NewCredentialsCache(aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role, RoleSessionName: aws.String("x")}) // want `norefresh: the provider func fetches with ctx from context\.WithTimeout`
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	}))
	return cfg, nil
}

func buildNamed(role string) (aws.CredentialsProvider, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	client := sts.NewFromConfig(cfg)
	return aws.CredentialsProviderFunc(func(rctx context.Context) (aws.Credentials, error) {
		sub, stop := context.WithTimeout(ctx, 5*time.Second) // want `norefresh: the provider func fetches with ctx from context\.WithTimeout`
		defer stop()
		out, err := client.AssumeRole(sub, &sts.AssumeRoleInput{RoleArn: &role, RoleSessionName: aws.String("x")})
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	}), nil
}

func buildUnderscore(role string) (aws.CredentialsProvider, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	client := sts.NewFromConfig(cfg)
	return aws.CredentialsProviderFunc(func(_ context.Context) (aws.Credentials, error) {
		out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role, RoleSessionName: aws.String("x")}) // want `norefresh: the provider func fetches with ctx from context\.WithCancel, cancelled when buildUnderscore returns \(defer cancel\(\)\)`
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	}), nil
}

// onlyInside: the captured ctx is used only in the provider, so the fix
// would leave it unused: reported without a fix.
func onlyInside(client *sts.Client, role string) aws.CredentialsProvider {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		out, err := client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &role}) // want `norefresh: the provider func fetches with ctx from context\.WithTimeout`
		if err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
	})
}

// fieldCtx keeps its builder's context in a field.
type fieldCtx struct {
	ctx    context.Context
	client *sts.Client
	role   string
}

func (p *fieldCtx) Retrieve(ctx context.Context) (aws.Credentials, error) {
	out, err := p.client.AssumeRole(p.ctx, &sts.AssumeRoleInput{RoleArn: &p.role}) // want `norefresh: Retrieve fetches with p\.ctx from context\.WithTimeout`
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken, CanExpire: true, Expires: *out.Credentials.Expiration}, nil
}

func newFieldCtx(client *sts.Client, role string) *fieldCtx {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return &fieldCtx{ctx: ctx, client: client, role: role}
}
