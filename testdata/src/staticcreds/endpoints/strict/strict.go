// Package strict sets staticcreds.report-non-aws-endpoints: static keys
// from configuration are reported whatever the endpoint. Literal keys that
// cannot be AWS's stay quiet: they authenticate nowhere on AWS.
package strict

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
)

func minioLocal(key, secret string) (*minio.Client, error) {
	return minio.New("localhost:9000", &minio.Options{Creds: miniocreds.NewStaticV4(key, secret, "")}) // want `staticcreds: credentials\.NewStaticV4 builds static keys from config`
}

func minioPlaceholder() (*minio.Client, error) {
	return minio.New("localhost:9000", &minio.Options{Creds: miniocreds.NewStaticV4("minioadmin", "minioadmin", "")})
}

func localstack() *s3.Client {
	return s3.New(s3.Options{
		BaseEndpoint: aws.String("http://localhost:4566"),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
	})
}

func localstackConfigured(key, secret string) *s3.Client {
	return s3.New(s3.Options{
		BaseEndpoint: aws.String("http://localhost:4566"),
		Credentials:  credentials.NewStaticCredentialsProvider(key, secret, ""), // want `staticcreds: credentials.NewStaticCredentialsProvider builds static keys from config`
	})
}
