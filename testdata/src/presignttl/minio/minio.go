// Package minio holds presignttl cases for minio-go.
package minio

import (
	"context"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

func presign(ctx context.Context) {
	mc, _ := minio.New("s3.amazonaws.com", &minio.Options{Creds: credentials.NewIAM(""), Secure: true})
	_, _ = mc.PresignedGetObject(ctx, "b", "k", 24*time.Hour, nil) // want `presignttl: minio\.Client\.PresignedGetObject presigns for 24h with refreshing temporary credentials`
	_, _ = mc.PresignedPutObject(ctx, "b", "k", 2*time.Hour)       // want `presignttl: minio\.Client\.PresignedPutObject presigns for 2h with refreshing temporary credentials`
	_, _ = mc.PresignedHeadObject(ctx, "b", "k", 2*time.Hour, nil) // want `presignttl: minio.Client.PresignedHeadObject`
	_, _ = mc.Presign(ctx, "GET", "b", "k", 2*time.Hour, nil)      // want `presignttl: minio.Client.Presign presigns`
	_, _ = mc.PresignedGetObject(ctx, "b", "k", 10*time.Minute, nil)

	keys, _ := minio.New("s3.amazonaws.com", &minio.Options{Creds: credentials.NewStaticV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""), Secure: true})
	_, _ = keys.PresignedGetObject(ctx, "b", "k", 24*time.Hour, nil) // long-term keys: not reported
}
