// Package v1 holds norefresh cases for aws-sdk-go (v1) providers of one's own.
package v1

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/sts"
)

// never says its session token never expires: reported.
type never struct{ client *sts.STS }

func (p *never) Retrieve() (credentials.Value, error) {
	out, err := p.client.AssumeRole(&sts.AssumeRoleInput{RoleArn: aws.String("arn"), RoleSessionName: aws.String("x")})
	if err != nil {
		return credentials.Value{}, err
	}
	return credentials.Value{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
	}, nil
}

func (p *never) IsExpired() bool { return false } // want `norefresh: IsExpired is always false but Retrieve returns an STS session token \(out\.Credentials\): aws-sdk-go refetches only on an ExpiredToken retry; embed credentials\.Expiry and call SetExpiration`

// withExpiry embeds credentials.Expiry and sets it: quiet.
type withExpiry struct {
	credentials.Expiry
	client *sts.STS
}

func (p *withExpiry) Retrieve() (credentials.Value, error) {
	out, err := p.client.AssumeRole(&sts.AssumeRoleInput{RoleArn: aws.String("arn"), RoleSessionName: aws.String("x")})
	if err != nil {
		return credentials.Value{}, err
	}
	p.SetExpiration(*out.Credentials.Expiration, time.Minute)
	return credentials.Value{
		AccessKeyID:     *out.Credentials.AccessKeyId,
		SecretAccessKey: *out.Credentials.SecretAccessKey,
		SessionToken:    *out.Credentials.SessionToken,
	}, nil
}

// stored computes its expiry from a stored time: quiet.
type stored struct {
	token   string
	expires time.Time
}

func (p *stored) Retrieve() (credentials.Value, error) {
	return credentials.Value{AccessKeyID: "a", SecretAccessKey: "b", SessionToken: p.token}, nil
}

func (p *stored) IsExpired() bool { return time.Now().After(p.expires) }

// iamUser returns long-term keys without a session token: quiet.
type iamUser struct{ id, secret string }

func (p iamUser) Retrieve() (credentials.Value, error) {
	return credentials.Value{AccessKeyID: p.id, SecretAccessKey: p.secret}, nil
}

func (p iamUser) IsExpired() bool { return false }

// notAProvider has an IsExpired but no Retrieve: quiet.
type notAProvider struct{}

func (notAProvider) IsExpired() bool { return false }

func use() {
	_ = session.Must(session.NewSession(&aws.Config{Credentials: credentials.NewCredentials(&never{})}))
	_ = credentials.NewCredentials(&withExpiry{})
	_ = credentials.NewCredentials(&stored{})
	_ = credentials.NewCredentials(iamUser{})
}

// roleWithCtx keeps its builder's context, which has a deadline: the first
// Retrieve works, every refresh after it fails. Reported at the call.
type roleWithCtx struct {
	credentials.Expiry
	ctx    aws.Context
	client *sts.STS
}

func (p *roleWithCtx) RetrieveWithContext(ctx credentials.Context) (credentials.Value, error) {
	out, err := p.client.AssumeRoleWithContext(p.ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn")}) // want `norefresh: RetrieveWithContext fetches with p\.ctx from context\.WithTimeout, which ends at its deadline: every refresh after the first fails on ECS; use the ctx it is given`
	if err != nil {
		return credentials.Value{}, err
	}
	p.SetExpiration(*out.Credentials.Expiration, time.Minute)
	return credentials.Value{AccessKeyID: *out.Credentials.AccessKeyId, SecretAccessKey: *out.Credentials.SecretAccessKey, SessionToken: *out.Credentials.SessionToken}, nil
}

func (p *roleWithCtx) Retrieve() (credentials.Value, error) {
	return p.RetrieveWithContext(aws.BackgroundContext())
}

func newRoleWithCtx(client *sts.STS) *credentials.Credentials {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	_ = cancel // the timeout ends ctx
	return credentials.NewCredentials(&roleWithCtx{ctx: ctx, client: client})
}
