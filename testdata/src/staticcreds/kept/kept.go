// Package kept keeps snapshots of refreshing credentials beyond the moment
// they were taken — in a struct built once, a package variable, a
// sync.Once — and signs with them, returns them, or builds an assume-role
// provider on them. Snapshots taken where they are used (Retrieve per
// request) are what the SDK intends and stay quiet.
package kept

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/signer"
)

// Auth signs requests for an HTTP API behind SigV4.
type Auth struct {
	provider aws.CredentialsProvider
	creds    aws.Credentials
	signer   *v4.Signer
}

// NewAuth takes one snapshot at start-up and keeps it in the struct.
func NewAuth(ctx context.Context, cfg aws.Config) (*Auth, error) {
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	return &Auth{provider: cfg.Credentials, creds: creds, signer: v4.NewSigner()}, nil
}

// Sign signs with the kept snapshot: it expires hours after start-up.
func (a *Auth) Sign(ctx context.Context, r *http.Request) error {
	return a.signer.SignHTTP(ctx, a.creds, r, "UNSIGNED-PAYLOAD", "execute-api", "us-east-1", time.Now()) // want `staticcreds: a\.signer\.SignHTTP\(\.\.\.\) signs with a snapshot kept from cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/kept/kept\.go:\d+`
}

// Presign presigns through a local copy of the kept snapshot.
func (a *Auth) Presign(ctx context.Context, r *http.Request) (string, error) {
	c := a.creds
	url, _, err := a.signer.PresignHTTP(ctx, c, r, "UNSIGNED-PAYLOAD", "s3", "us-east-1", time.Now()) // want `^staticcreds: a.signer.PresignHTTP\(\.\.\.\) signs with a snapshot kept from cfg.Credentials.Retrieve\(ctx\) at src/staticcreds/kept/kept.go:29`
	return url, err
}

// Credentials hands the kept snapshot to callers in other modules.
func (a *Auth) Credentials() aws.Credentials {
	return a.creds // want `staticcreds: Credentials returns a snapshot kept from cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/kept/kept\.go:\d+`
}

// SignFresh retrieves per request: the provider's cache refreshes. Quiet.
func (a *Auth) SignFresh(ctx context.Context, r *http.Request) error {
	creds, err := a.provider.Retrieve(ctx)
	if err != nil {
		return err
	}
	return a.signer.SignHTTP(ctx, creds, r, "UNSIGNED-PAYLOAD", "execute-api", "us-east-1", time.Now())
}

// Current returns a fresh snapshot on each call, like Retrieve. Quiet.
func (a *Auth) Current(ctx context.Context) (aws.Credentials, error) {
	creds, err := a.provider.Retrieve(ctx)
	return creds, err
}

// Log only validates the kept value. Quiet.
func (a *Auth) Log() bool { return a.creds.HasKeys() }

var (
	once     sync.Once
	shared   aws.Credentials
	provider aws.CredentialsProvider
)

// signOnce takes the snapshot once per process inside a sync.Once.
func signOnce(ctx context.Context, r *http.Request) error {
	once.Do(func() {
		shared, _ = provider.Retrieve(ctx)
	})
	return v4.NewSigner().SignHTTP(ctx, shared, r, "UNSIGNED-PAYLOAD", "s3", "us-east-1", time.Now()) // want `^staticcreds: v4.NewSigner\(\).SignHTTP\(\.\.\.\) signs with a snapshot kept from provider.Retrieve\(ctx\) at src/staticcreds/kept/kept.go:80`
}

// MinioAuth keeps minio's snapshot in a struct.
type MinioAuth struct {
	value miniocreds.Value
	creds *miniocreds.Credentials
}

// NewMinioAuth snapshots minio credentials once.
func NewMinioAuth(creds *miniocreds.Credentials) *MinioAuth {
	v, _ := creds.Get()
	return &MinioAuth{value: v, creds: creds}
}

// Sign signs with minio's signer and the kept keys.
func (m *MinioAuth) Sign(r http.Request) *http.Request {
	return signer.SignV4(r, m.value.AccessKeyID, m.value.SecretAccessKey, m.value.SessionToken, "us-east-1") // want `^staticcreds: signer.SignV4\(\.\.\.\) signs with a snapshot kept from creds.Get\(\) at src/staticcreds/kept/kept.go:93`
}

// SignFresh gets the keys per request. Quiet.
func (m *MinioAuth) SignFresh(r http.Request) *http.Request {
	v, _ := m.creds.Get()
	return signer.SignV4(r, v.AccessKeyID, v.SecretAccessKey, v.SessionToken, "us-east-1")
}

// AssumeOnSnapshot builds minio's assume-role provider on a snapshot: it
// re-assumes with base keys that expire.
func AssumeOnSnapshot(creds *miniocreds.Credentials, role string) (*miniocreds.Credentials, error) {
	v, err := creds.Get()
	if err != nil {
		return nil, err
	}
	return miniocreds.NewSTSAssumeRole("https://sts.amazonaws.com", miniocreds.STSAssumeRoleOptions{ // want `staticcreds: miniocreds\.STSAssumeRoleOptions\{\.\.\.\} takes base keys from a snapshot \(creds\.Get\(\) at src/staticcreds/kept/kept\.go:\d+\)`
		AccessKey:    v.AccessKeyID,
		SecretKey:    v.SecretAccessKey,
		SessionToken: v.SessionToken,
		RoleARN:      role,
	})
}

// AssumeOnKeys builds it on configured keys: not a snapshot. Quiet here.
func AssumeOnKeys(key, secret, role string) (*miniocreds.Credentials, error) {
	return miniocreds.NewSTSAssumeRole("https://sts.amazonaws.com", miniocreds.STSAssumeRoleOptions{AccessKey: key, SecretKey: secret, RoleARN: role})
}

// ---- by pointer, or inside a struct: judged like the value (issue 19) ----

// Session carries credentials to callers.
type Session struct {
	Region string
	Creds  aws.Credentials
}

var (
	cfg      aws.Config
	startup  aws.Credentials
	startupP *aws.Credentials
)

// Init takes one snapshot for the process.
func Init(ctx context.Context) error {
	creds, err := cfg.Credentials.Retrieve(ctx)
	startup, startupP = creds, &creds
	return err
}

// StartupCredentials returns the kept snapshot by pointer.
func StartupCredentials() *aws.Credentials {
	return &startup // want `^staticcreds: StartupCredentials returns a snapshot kept from cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/kept/kept\.go:\d+`
}

// StartupPointer returns the pointer stored by Init.
func StartupPointer() *aws.Credentials {
	return startupP // want `^staticcreds: StartupPointer returns a snapshot kept from cfg\.Credentials\.Retrieve\(ctx\)`
}

// StartupSession returns a struct holding the kept snapshot.
func StartupSession() *Session {
	return &Session{Region: "eu-west-1", Creds: startup} // want `^staticcreds: StartupSession returns a snapshot kept from cfg\.Credentials\.Retrieve\(ctx\)`
}

// SessionOf returns a struct built around the snapshot kept in a.
func (a *Auth) SessionOf() Session {
	return Session{Creds: a.creds} // want `^staticcreds: SessionOf returns a snapshot kept from cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/kept/kept\.go:29`
}

// FreshPointer returns a snapshot taken in the same call by pointer, like
// Retrieve itself. Quiet.
func FreshPointer(ctx context.Context, c aws.Config) (*aws.Credentials, error) {
	creds, err := c.Credentials.Retrieve(ctx)
	if err != nil {
		return nil, err
	}
	return &creds, nil
}

// FreshSession returns a struct around a snapshot taken in the same call.
// Quiet.
func FreshSession(ctx context.Context, c aws.Config) (*Session, error) {
	creds, err := c.Credentials.Retrieve(ctx)
	return &Session{Region: c.Region, Creds: creds}, err
}
