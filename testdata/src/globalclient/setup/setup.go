// Package setup keeps its S3 clients in package-level variables that its
// exported set-up functions fill: whether they live for the whole process
// depends on who calls them, so the package exports a fact and the caller's
// start-up code is reported (see crossmain).
package setup

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var (
	client        *s3.Client
	defaultClient *s3.Client
	tenants       = map[string]*s3.Client{}
)

// Init sets client on static keys from the environment.
func Init() { // want Init:`setsGlobals\(setup.client\)`
	client = s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))})
}

// Configure sets client on keys its caller passes.
func Configure(key, secret string) { // want Configure:`setsGlobals\(setup.client\)`
	client = s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider(key, secret, "")})
}

// AddTenant keeps a client per tenant, on static keys.
func AddTenant(name, key, secret string) { // want AddTenant:`setsGlobals\(setup.tenants\[name\]\)`
	tenants[name] = s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider(key, secret, "")})
}

// Setup calls Init: it sets what Init sets.
func Setup() { // want Setup:`setsGlobals\(setup.client\)`
	Init()
}

// Service sets the client when it starts.
type Service struct{ Region string }

// Start is a method: it carries the fact too.
func (s *Service) Start() { // want Start:`setsGlobals\(setup.client\)`
	client = s3.NewFromConfig(aws.Config{Region: s.Region, Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")})
}

// Quiet below: no fact.

// InitDefault sets defaultClient on the default chain, which refreshes.
func InitDefault(ctx context.Context) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	defaultClient = s3.NewFromConfig(cfg)
	return nil
}

// Client returns the client; it sets nothing.
func Client() *s3.Client { return client }

// build is unexported: other packages cannot call it.
func build() {
	client = s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "x", "")})
}

var _ = build
