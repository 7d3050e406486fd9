// Package helpers is analyzed only for its facts when ./app is requested,
// and each of them comes from a function body that names no SDK symbol:
// the driver type-checks it with only the bodies that can carry a fact.
package helpers

import (
	"context"
	"os"
	"strings"
	"unicode"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// IsExpired classifies an error by its text (a classifier fact).
func IsExpired(err error) bool { return strings.Contains(err.Error(), "ExpiredToken") }

// Check asks IsExpired (a classifier through another).
func Check(err error) bool { return IsExpired(err) }

// Store keeps objects in S3.
type Store struct{ client *s3.Client }

// Put returns the error of PutObject, through put.
func (s *Store) Put(ctx context.Context, key string) error { return s.put(ctx, key) }

func (s *Store) put(ctx context.Context, key string) error {
	_, err := s.client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String(key)})
	return err
}

var shared = &Store{}

// Retry puts through the shared store: its body names no SDK symbol.
func Retry(ctx context.Context, key string) error { return shared.Put(ctx, key) }

// Creds are the keys of the environment, through two helpers.
func Creds() aws.CredentialsProvider { return keys() }

func keys() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(keyID(), secret(), "")
}

func keyID() string  { return env("AWS_ACCESS_KEY_ID") }
func secret() string { return env("AWS_SECRET_ACCESS_KEY") }

func env(name string) string {
	v, _ := os.LookupEnv(name)
	return strings.TrimSpace(v)
}

// Options disables retries: one attempt, a constant of the package.
func Options() func(*s3.Options) {
	return func(o *s3.Options) { o.RetryMaxAttempts = attempts }
}

const attempts = 1

// Unrelated names nothing of note: its body is not type-checked, and
// unicode, which only it uses, is then imported and not used.
func Unrelated(s string) bool {
	return strings.IndexFunc(s, unicode.IsUpper) >= 0 && os.Getenv("HOME") != ""
}
