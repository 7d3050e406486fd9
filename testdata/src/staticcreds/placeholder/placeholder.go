// Package placeholder uses literal access keys that cannot be AWS access
// key IDs ("test", "minioadmin", "YOUR-ACCESSKEYID"; AWS's are AKIA or
// ASIA and 16 of [A-Z0-9]): they authenticate nowhere on AWS, whatever the
// endpoint, so nothing expires and nothing leaks: quiet. AWS-shaped literal
// keys are reported wherever they are, and so is a literal that is only
// the default of a configured key.
package placeholder

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
)

// fakeS3 runs a fake S3 for a smoke check.
func fakeS3(h http.Handler) (*s3.Client, func()) {
	srv := httptest.NewServer(h)
	c := s3.New(s3.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
		UsePathStyle: true,
	})
	return c, srv.Close
}

// fakeMinio talks to an httptest server through its host name.
func fakeMinio(srv *httptest.Server) (*minio.Client, error) {
	return minio.New(strings.TrimPrefix(srv.URL, "http://"), &minio.Options{Creds: miniocreds.NewStaticV4("minioadmin", "minioadmin", "")})
}

// awsShapedOnLocalhost: a key that may be real is reported even against
// a local endpoint (a leaked secret).
func awsShapedOnLocalhost() (*minio.Client, error) {
	return minio.New("localhost:9000", &minio.Options{Creds: miniocreds.NewStaticV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")}) // want `staticcreds: miniocreds\.NewStaticV4\("AKIA…MPLE", \.\.\.\) builds static keys from literals \(AKIA…MPLE\)`
}

// placeholderOnConfiguredEndpoint: an example client (a fake S3 server's
// README code) whose endpoint is a parameter. Quiet.
func placeholderOnConfiguredEndpoint(endpoint string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{Creds: miniocreds.NewStaticV4("YOUR-ACCESSKEYID", "YOUR-SECRETACCESSKEY", "")})
}

// v1MockSession is a mock-session helper: a v1 session on a test server
// with fake keys. Quiet.
func v1MockSession(srv *httptest.Server) *session.Session {
	return session.Must(session.NewSession(&awsv1.Config{
		Endpoint:    awsv1.String(srv.URL),
		Region:      awsv1.String("us-east-1"),
		Credentials: credsv1.NewStaticCredentials("fake-access-key", "fake-secret-key", ""),
	}))
}

// v2Resolver: a v2 config whose endpoint comes from a resolver. Quiet.
func v2Resolver(ctx context.Context, url string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("accessKey", "secretKey", "")),
		config.WithEndpointResolverWithOptions(aws.EndpointResolverWithOptionsFunc(func(service, region string, _ ...interface{}) (aws.Endpoint, error) {
			return aws.Endpoint{URL: url}, nil
		})),
	)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

// literalDefault: a placeholder that configuration overrides may be a
// real key: reported, as keys from configuration (the placeholders,
// "test" and "secret", are not where a real key comes from).
func literalDefault(key string) *s3.Client {
	id := "test"
	if key != "" {
		id = key
	}
	return s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(id, "secret", "")}) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(parameter key\)`
}

// awsShapedConfigured: an AWS-shaped key on an endpoint from a parameter:
// reported.
func awsShapedConfigured(endpoint string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{Creds: miniocreds.NewStaticV4("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "token")}) // want `staticcreds: miniocreds\.NewStaticV4\("ASIA…MPLE", \.\.\.\) builds static keys from literals \(ASIA…MPLE\)`
}

// aliasConfig is decoded from a JSON file: the template's placeholders
// below are the only stores of its keys in the source.
type aliasConfig struct {
	AccessKey string `json:"accessKey"`
	SecretKey string `json:"secretKey"`
}

var alias = aliasConfig{AccessKey: "YOUR-ACCESS-KEY-HERE", SecretKey: "YOUR-SECRET-KEY-HERE"}

// decodedTemplate: the client uses the file's keys, not the template's
// placeholders: reported as keys from configuration.
func decodedTemplate(data []byte) (*s3.Client, error) {
	if err := json.Unmarshal(data, &alias); err != nil {
		return nil, err
	}
	return s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(alias.AccessKey, alias.SecretKey, "")}), nil // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(alias\.AccessKey`
}
