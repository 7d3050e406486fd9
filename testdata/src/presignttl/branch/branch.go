// Package branch presigns with a client on the default chain in
// production and on long-term static keys under a development flag: the
// production URLs outlive the task role's credentials. Reported, without
// calling the static keys temporary.
package branch

import (
	"context"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func presign(ctx context.Context, key string) (string, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return "", err
	}
	if os.Getenv("LOCAL_DEV") == "1" {
		cfg.Credentials = credentials.NewStaticCredentialsProvider(os.Getenv("DEV_KEY"), os.Getenv("DEV_SECRET"), "")
	}
	p := s3.NewPresignClient(s3.NewFromConfig(cfg))
	req, err := p.PresignGetObject(ctx, &s3.GetObjectInput{Key: &key}, s3.WithPresignExpires(12*time.Hour)) // want `presignttl: s3\.WithPresignExpires presigns for 12h with task-role credentials, except keys from src/presignttl/branch/branch\.go:\d+ when LOCAL_DEV == "1"`
	if err != nil {
		return "", err
	}
	return req.URL, nil
}
