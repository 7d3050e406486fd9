// Package threshold runs with presignttl.presign-max = "15m".
package threshold

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func presign(ctx context.Context, in *s3.GetObjectInput) {
	cfg, _ := config.LoadDefaultConfig(ctx)
	pc := s3.NewPresignClient(s3.NewFromConfig(cfg))
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(time.Hour)) // want `presignttl: s3\.WithPresignExpires presigns for 1h with refreshing temporary credentials`
	_, _ = pc.PresignGetObject(ctx, in, s3.WithPresignExpires(15*time.Minute))
}
