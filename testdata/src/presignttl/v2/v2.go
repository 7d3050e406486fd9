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
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(12*time.Hour)) // want `presignttl: s3\.WithPresignExpires presigns for 12h with refreshing temporary credentials: the URL dies with its session; presign for at most 1h$`
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(day))          // want `presignttl: s3\.WithPresignExpires presigns for 24h with refreshing temporary credentials`
	_, _ = pc.PresignGetObject(ctx, in, func(o *s3.PresignOptions) {
		o.Expires = 6 * time.Hour // want `presignttl: s3\.PresignOptions\.Expires presigns for 6h with refreshing temporary credentials`
	})
	long := s3.NewPresignClient(s3.NewFromConfig(cfg), s3.WithPresignExpires(7*day)) // want `presignttl: s3\.WithPresignExpires presigns for 168h with refreshing temporary credentials`
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
	_, _ = s3.NewPresignClient(temp).PresignPutObject(ctx, in, s3.WithPresignExpires(12*time.Hour)) // want `presignttl: s3\.WithPresignExpires presigns for 12h with a session token \(keys from src/presignttl/v2/v2\.go:\d+\)`

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
