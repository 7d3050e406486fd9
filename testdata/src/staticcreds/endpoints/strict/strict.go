// Package strict sets staticcreds.report-non-aws-endpoints: static keys
// are reported whatever the endpoint.
package strict

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
)

func minioLocal() (*minio.Client, error) {
	return minio.New("localhost:9000", &minio.Options{Creds: miniocreds.NewStaticV4("minioadmin", "minioadmin", "")}) // want `staticcreds: miniocreds.NewStaticV4`
}

func localstack() *s3.Client {
	return s3.New(s3.Options{
		BaseEndpoint: aws.String("http://localhost:4566"),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""), // want `staticcreds: credentials.NewStaticCredentialsProvider`
	})
}
