// Package endpoints uses static keys against endpoints that are provably
// not AWS (MinIO on localhost, LocalStack, Cloudflare R2): long-lived keys
// are how those are used, and they are quiet unless
// staticcreds.report-non-aws-endpoints is set (see strict/).
package endpoints

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
)

const localMinio = "localhost:9000"

func minioLocal() (*minio.Client, error) {
	return minio.New(localMinio, &minio.Options{Creds: miniocreds.NewStaticV4("minioadmin", "minioadmin", "")})
}

func localstack() *s3.Client {
	return s3.New(s3.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String("http://localstack:4566"),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
		UsePathStyle: true,
	})
}

func r2(ctx context.Context, account, key, secret string) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(key, secret, "")),
		config.WithRegion("auto"),
	)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("https://0123456789abcdef.r2.cloudflarestorage.com")
	}), nil
}

func v1Local() *s3v1.S3 {
	creds := credsv1.NewStaticCredentials("minioadmin", "minioadmin", "")
	sess := session.Must(session.NewSession(&awsv1.Config{
		Endpoint:         awsv1.String("http://127.0.0.1:9000"),
		S3ForcePathStyle: awsv1.Bool(true),
		Credentials:      creds,
	}))
	return s3v1.New(sess)
}

// Reported: the endpoint is AWS, or not constant, or one of the clients is.

// (Configured keys: literal keys that cannot be AWS's are quiet whatever
// the endpoint, see ../placeholder.)

func awsEndpoint(key, secret string) (*minio.Client, error) {
	return minio.New("s3.amazonaws.com", &minio.Options{Creds: miniocreds.NewStaticV4(key, secret, ""), Secure: true}) // want `staticcreds: credentials\.NewStaticV4 builds static keys from config \(parameter key, parameter secret\)`
}

func configuredEndpoint(endpoint, key, secret string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{Creds: miniocreds.NewStaticV4(key, secret, "")}) // want `staticcreds: credentials\.NewStaticV4 builds static keys from config`
}

func both(key, secret string) (*minio.Client, *minio.Client) {
	creds := miniocreds.NewStaticV4(key, secret, "") // want `staticcreds: credentials\.NewStaticV4 builds static keys from config`
	local, _ := minio.New("localhost:9000", &minio.Options{Creds: creds})
	remote, _ := minio.New("s3.eu-west-1.amazonaws.com", &minio.Options{Creds: creds})
	return local, remote
}

// returned leaves the package: where it ends up is not known.
func returned(key, secret string) *miniocreds.Credentials {
	return miniocreds.NewStaticV4(key, secret, "") // want `staticcreds: credentials\.NewStaticV4 builds static keys from config`
}

// unknownHost is a public host that may front AWS: not proof (rclone pikpak shape).
func unknownHost(ctx context.Context, key, secret, token string) (*s3.Client, error) {
	creds := credentials.NewStaticCredentialsProvider(key, secret, token) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(parameter key, …\)`
	cfg, err := config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(creds), config.WithRegion("pikpak"))
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String("https://mypikpak.com/")
	}), nil
}
