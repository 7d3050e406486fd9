// Package copies builds process-lifetime clients from copies of a config
// whose credentials are replaced on the copy: v2 cfg.Copy() then
// cfg.Credentials = ..., v1 sess.Copy(&aws.Config{Credentials: ...}), and
// v1 cfg.MergeIn(&aws.Config{Credentials: ...}) on a config of its own.
package copies

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
)

var (
	archive  *s3.Client // want `globalclient: archive \(\*s3\.Client\) is process-wide \(set in init\) on env keys from src/globalclient/copies/copies\.go:\d+`
	primary  *s3.Client // default chain: quiet
	legacy   *s3v1.S3   // want `globalclient: legacy \(\*s3\.S3\) is process-wide \(set in init\) on env keys from src/globalclient/copies/copies\.go:\d+`
	shared   *s3v1.S3   // the session's default chain: quiet
	merged   *s3v1.S3   // want `globalclient: merged \(\*s3\.S3\) is process-wide \(set in init\) on env keys from src/globalclient/copies/copies\.go:\d+`
	regional *s3v1.S3   // MergeIn of a config without credentials: quiet
	sess     = session.Must(session.NewSession())
)

func init() {
	cfg, _ := config.LoadDefaultConfig(context.Background())
	primary = s3.NewFromConfig(cfg)
	cp := cfg.Copy()
	cp.Credentials = credentials.NewStaticCredentialsProvider(os.Getenv("ARCHIVE_KEY"), os.Getenv("ARCHIVE_SECRET"), "")
	archive = s3.NewFromConfig(cp)

	shared = s3v1.New(sess)
	legacy = s3v1.New(sess.Copy(&awsv1.Config{
		Credentials: credsv1.NewStaticCredentials(os.Getenv("LEGACY_KEY"), os.Getenv("LEGACY_SECRET"), ""),
	}))

	mcfg := awsv1.NewConfig().WithRegion("eu-west-1")
	mcfg.MergeIn(&awsv1.Config{Credentials: credsv1.NewStaticCredentials(os.Getenv("MERGED_KEY"), os.Getenv("MERGED_SECRET"), "")})
	merged = s3v1.New(sess, mcfg)

	rcfg := awsv1.NewConfig()
	rcfg.MergeIn(&awsv1.Config{Region: awsv1.String("eu-west-1")})
	regional = s3v1.New(sess, rcfg)
}
