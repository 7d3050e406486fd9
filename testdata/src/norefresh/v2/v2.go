// Package v2 holds norefresh cases for aws-sdk-go-v2 providers of one's own.
package v2

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/sso"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// adapter re-labels the credentials of another provider (the Bedrock
// adapter shape): the expiry is dropped.
type adapter struct{ src aws.CredentialsProvider }

func (a *adapter) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := a.src.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{ // want `norefresh: Retrieve drops the expiry of another provider's credentials \(c\): the SDK caches it until calls fail with ExpiredToken; copy CanExpire and Expires from c`
		AccessKeyID:     c.AccessKeyID,
		SecretAccessKey: c.SecretAccessKey,
		SessionToken:    c.SessionToken,
	}, nil
}

// keeping copies the expiry: quiet.
type keeping struct{ src aws.CredentialsProvider }

func (k *keeping) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := k.src.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{
		AccessKeyID:     c.AccessKeyID,
		SecretAccessKey: c.SecretAccessKey,
		SessionToken:    c.SessionToken,
		CanExpire:       c.CanExpire,
		Expires:         c.Expires,
	}, nil
}

// relabel returns the source value after changing a field: the expiry
// travels with it. Quiet.
type relabel struct{ src aws.CredentialsProvider }

func (r relabel) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := r.src.Retrieve(ctx)
	c.Source = "relabel"
	return c, err
}

// explicitFalse says the credentials never expire: reported.
type explicitFalse struct{ src aws.CredentialsProvider }

func (e explicitFalse) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := e.src.Retrieve(ctx)
	out := aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken, CanExpire: false} // want `norefresh: Retrieve sets CanExpire: false on another provider's credentials \(c\)`
	return out, err
}

// storesExpiry builds the value field by field and sets the expiry: quiet.
type storesExpiry struct{ src aws.CredentialsProvider }

func (s storesExpiry) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := s.src.Retrieve(ctx)
	var out aws.Credentials
	out.AccessKeyID, out.SecretAccessKey, out.SessionToken = c.AccessKeyID, c.SecretAccessKey, c.SessionToken
	out.CanExpire = true
	out.Expires = c.Expires
	return out, err
}

// longTerm returns IAM user keys without a session token: nothing to
// expire. Quiet.
type longTerm struct{ id, secret string }

func (l longTerm) Retrieve(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: l.id, SecretAccessKey: l.secret, SessionToken: ""}, nil
}

// assume calls STS itself and forgets the expiration: reported.
type assume struct {
	client *sts.Client
	role   string
}

func (a *assume) Retrieve(ctx context.Context) (aws.Credentials, error) {
	out, err := a.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &a.role, RoleSessionName: aws.String("x")})
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{AccessKeyID: aws.ToString(out.Credentials.AccessKeyId), SecretAccessKey: aws.ToString(out.Credentials.SecretAccessKey), SessionToken: aws.ToString(out.Credentials.SessionToken)}, nil // want `norefresh: Retrieve returns an STS output's session token \(out\.Credentials\) without CanExpire and Expires: .*; set them from out\.Credentials\.Expiration`
}

// assumeKeeps sets the expiry from the STS output: quiet.
type assumeKeeps struct {
	client *sts.Client
	role   string
}

func (a *assumeKeeps) Retrieve(ctx context.Context) (aws.Credentials, error) {
	out, err := a.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: &a.role, RoleSessionName: aws.String("x")})
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{
		AccessKeyID:     aws.ToString(out.Credentials.AccessKeyId),
		SecretAccessKey: aws.ToString(out.Credentials.SecretAccessKey),
		SessionToken:    aws.ToString(out.Credentials.SessionToken),
		CanExpire:       true,
		Expires:         aws.ToTime(out.Credentials.Expiration),
	}, nil
}

// ssoRole copies SSO role credentials: reported (no STS-style fix: the
// SSO expiration is in milliseconds).
func ssoRole(client *sso.Client, token string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		out, err := client.GetRoleCredentials(ctx, &sso.GetRoleCredentialsInput{AccessToken: &token})
		if err != nil {
			return aws.Credentials{}, err
		}
		rc := out.RoleCredentials
		return aws.Credentials{AccessKeyID: *rc.AccessKeyId, SecretAccessKey: *rc.SecretAccessKey, SessionToken: *rc.SessionToken}, nil // want `norefresh: the provider func returns an STS output's session token \(rc\) without CanExpire and Expires: .*; set CanExpire and Expires from its Expiration`
	})
}

// broker fetches credentials from an HTTP service of one's own and
// decodes them: reported, the token names its expression.
type brokerResponse struct {
	AccessKeyID     string    `json:"access_key_id"`
	SecretAccessKey string    `json:"secret_access_key"`
	Token           string    `json:"token"`
	Expiration      time.Time `json:"expiration"`
}

func broker(url string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return aws.Credentials{}, err
		}
		defer resp.Body.Close()
		var r brokerResponse
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: r.AccessKeyID, SecretAccessKey: r.SecretAccessKey, SessionToken: r.Token}, nil // want `norefresh: the provider func returns a session token \(r\.Token\) without CanExpire and Expires: .*; set CanExpire and Expires to its expiry`
	})
}

// brokerKeeps sets the expiry the broker sends: quiet.
func brokerKeeps(url string) aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(ctx context.Context) (aws.Credentials, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return aws.Credentials{}, err
		}
		defer resp.Body.Close()
		var r brokerResponse
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			return aws.Credentials{}, err
		}
		return aws.Credentials{AccessKeyID: r.AccessKeyID, SecretAccessKey: r.SecretAccessKey, SessionToken: r.Token, CanExpire: true, Expires: r.Expiration}, nil
	})
}

// namedFunc is converted to a provider by name: reported in its body.
func namedFunc(ctx context.Context) (aws.Credentials, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	c, err := cfg.Credentials.Retrieve(ctx)
	return aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken}, err // want `norefresh: the provider func drops the expiry of another provider's credentials \(c\)`
}

func load(ctx context.Context) (aws.Config, error) {
	_ = aws.NewCredentialsCache(aws.CredentialsProviderFunc(namedFunc))
	return config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(&adapter{}))
}

// notAProvider returns aws.Credentials from a function that is never a
// provider (a helper): not this rule's business.
func notAProvider(c aws.Credentials) aws.Credentials {
	return aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken}
}

// The shape of a Go AI SDK's Bedrock adapter: its own credentials type,
// without an expiry, converted to aws.Credentials. Reported.
type Credentials struct {
	AccessKeyID, SecretAccessKey, SessionToken string
}

type CredentialProvider interface {
	Retrieve(ctx context.Context) (Credentials, error)
}

type customAdapter struct{ provider CredentialProvider }

func (c *customAdapter) Retrieve(ctx context.Context) (aws.Credentials, error) {
	creds, err := c.provider.Retrieve(ctx)
	if err != nil {
		return aws.Credentials{}, err
	}
	return aws.Credentials{ // want `norefresh: Retrieve returns another provider's session token \(creds\.SessionToken\) without CanExpire and Expires: .*; set CanExpire and Expires to its expiry`
		AccessKeyID:     creds.AccessKeyID,
		SecretAccessKey: creds.SecretAccessKey,
		SessionToken:    creds.SessionToken,
		Source:          "custom-provider",
	}, nil
}

// Its chain provider snapshots the default chain into that type: not a
// provider of the SDK (it returns its own type), so not this rule's
// business.
type chain struct{}

func (chain) Retrieve(ctx context.Context) (Credentials, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return Credentials{}, err
	}
	c, err := cfg.Credentials.Retrieve(ctx)
	return Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken}, err
}

// suppressed: the finding is acknowledged.
type suppressed struct{ src aws.CredentialsProvider }

func (s suppressed) Retrieve(ctx context.Context) (aws.Credentials, error) {
	c, err := s.src.Retrieve(ctx)
	//credlint:ignore norefresh only used by a one-shot CLI that exits within minutes
	return aws.Credentials{AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, SessionToken: c.SessionToken}, err
}

// envPerCall reads the environment's keys on every call: the cache keeps
// the first ones, and they never change anyway. Reported.
type envPerCall struct{}

func (envPerCall) Retrieve(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: os.Getenv("AWS_ACCESS_KEY_ID"), SecretAccessKey: os.Getenv("AWS_SECRET_ACCESS_KEY"), SessionToken: os.Getenv("AWS_SESSION_TOKEN"), CanExpire: false}, nil // want `norefresh: Retrieve returns a session token \(os\.Getenv\("AWS_SESSION_TOKEN"\)\) with CanExpire: false: .*; use the default chain instead`
}

// noCtx has a Retrieve without a context: not an aws.CredentialsProvider,
// no cache calls it. Quiet.
type noCtx struct{ token string }

func (n noCtx) Retrieve() (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "a", SecretAccessKey: "b", SessionToken: n.token}, nil
}
