// Package v2 has package-level aws-sdk-go-v2 clients of every type, on
// static credentials (reported) and on the default chain (quiet).
package v2

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var static = aws.Config{ // want `globalclient: static \(aws\.Config\) is process-wide \(set at its declaration\) on env keys from src/globalclient/v2/v2\.go:\d+`
	Region:      "eu-west-1",
	Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")),
}

var cfg = static // related

var client = s3.NewFromConfig(static) // related

var presign = s3.NewPresignClient(s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")})) // want `globalclient: presign \(\*s3\.PresignClient\) is process-wide \(set at its declaration\) on literal keys from src/globalclient/v2/v2\.go:\d+`

var uploader = manager.NewUploader(client) // related

var downloader = manager.NewDownloader(client) // related

var transfers = transfermanager.New(client) // related

// optionClient gets its credentials in a functional option.
var optionClient = s3.NewFromConfig(aws.Config{Region: "eu-west-1"}, func(o *s3.Options) { // want `globalclient: optionClient \(\*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/v2/v2\.go:\d+`
	o.Credentials = credentials.NewStaticCredentialsProvider(os.Getenv("S3_KEY"), os.Getenv("S3_SECRET"), "")
})

// loaded goes through LoadDefaultConfig with a static provider: the cache
// LoadDefaultConfig puts around it does not make it refresh.
var loaded = mustLoad(config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""))) // want `globalclient: loaded \(aws\.Config\) is process-wide \(set at its declaration\) on env keys from src/globalclient/v2/v2\.go:\d+ via mustLoad`

func mustLoad(opts ...func(*config.LoadOptions) error) aws.Config {
	c, err := config.LoadDefaultConfig(context.Background(), opts...)
	if err != nil {
		panic(err)
	}
	return c
}

// Quiet: the default chain refreshes task-role credentials.

var defaultCfg = mustLoad()

var defaultClient = s3.NewFromConfig(mustLoad())

var defaultPresign = s3.NewPresignClient(defaultClient)

var defaultUploader = manager.NewUploader(defaultClient)

var defaultDownloader = manager.NewDownloader(defaultClient)

var defaultTransfers = transfermanager.New(s3.NewFromConfig(defaultCfg))

var anonymous = s3.New(s3.Options{Region: "eu-west-1", Credentials: aws.AnonymousCredentials{}})

func local() *s3.Client {
	c := s3.NewFromConfig(static) // a local: not process-lifetime
	return c
}
