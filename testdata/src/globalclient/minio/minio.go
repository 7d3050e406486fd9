// Package minio has package-level minio-go clients.
package minio

import (
	"os"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

var client, _ = minio.New("s3.amazonaws.com", &minio.Options{ // want `globalclient: client \(\*minio\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/minio/minio\.go:\d+`
	Creds:  credentials.NewEnvAWS(),
	Secure: true,
})

var opts = &minio.Options{Creds: credentials.NewStaticV4(os.Getenv("MINIO_ACCESS_KEY"), os.Getenv("MINIO_SECRET_KEY"), ""), Secure: true}

var fromOpts, _ = minio.New(os.Getenv("S3_ENDPOINT"), opts) // want `globalclient: fromOpts \(\*minio\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/minio/minio\.go:\d+`

// Quiet: IAM refreshes from the ECS container endpoint.

var iam, _ = minio.New("s3.amazonaws.com", &minio.Options{Creds: credentials.NewIAM(""), Secure: true})

var chain, _ = minio.New("s3.amazonaws.com", &minio.Options{Creds: credentials.NewChainCredentials([]credentials.Provider{&credentials.EnvAWS{}, &credentials.IAM{}})})
