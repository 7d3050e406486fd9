// Package v2 holds presignttl cases for aws-sdk-go-v2.
package v2

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const day = 24 * time.Hour

func defaultChain(ctx context.Context, in *s3.GetObjectInput, d time.Duration) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	pc := s3.NewPresignClient(s3.NewFromConfig(cfg))
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(12*time.Hour)) // want `presignttl: s3.WithPresignExpires presigns the URL for 12h, but it is signed with temporary credentials that the SDK refreshes .* not after 12h; presign for at most 1h`
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(day))          // want `presignttl: s3.WithPresignExpires presigns the URL for 24h`
	_, _ = pc.PresignGetObject(ctx, in, func(o *s3.PresignOptions) {
		o.Expires = 6 * time.Hour // want `presignttl: s3.PresignOptions.Expires presigns the URL for 6h`
	})
	long := s3.NewPresignClient(s3.NewFromConfig(cfg), s3.WithPresignExpires(7*day)) // want `presignttl: s3.WithPresignExpires presigns the URL for 168h`
	_ = long

	// Negatives: at most the threshold (1h), non-constant durations.
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(15*time.Minute))
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(time.Hour))
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(d))
}

func staticKeys(ctx context.Context, in *s3.PutObjectInput, token string) {
	// Long-term IAM user keys without a session token: the URL lives as long
	// as it says (staticcreds reports the keys themselves).
	longTerm := s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")})
	_, _ = s3.NewPresignClient(longTerm).PresignPutObject(ctx, in, s3.WithPresignExpires(12*time.Hour))

	// A session token: temporary credentials.
	temp := s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLETOKEN")})
	_, _ = s3.NewPresignClient(temp).PresignPutObject(ctx, in, s3.WithPresignExpires(12*time.Hour)) // want `presignttl: s3.WithPresignExpires presigns the URL for 12h, but it is signed with temporary credentials \(a session token\)`

	// Anonymous: nothing is signed.
	anon := s3.New(s3.Options{Credentials: aws.AnonymousCredentials{}})
	_, _ = s3.NewPresignClient(anon).PresignPutObject(ctx, in, s3.WithPresignExpires(12*time.Hour))
}

// Options are the user's own struct with an Expires field: not the SDK's.
type Options struct{ Expires time.Duration }

func trap() {
	o := Options{Expires: 48 * time.Hour}
	o.Expires = 48 * time.Hour
	_ = o
}
