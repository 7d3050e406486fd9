// Package branch builds its process-lifetime client on the default chain
// in production and on static keys under a development flag. It is
// reported (static on any path), and the message names the branch.
package branch

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var client *s3.Client // want `globalclient: client \(\*s3\.Client\) is process-wide \(set in init\) on env keys from src/globalclient/branch/branch\.go:\d+ when LOCAL_DEV == "1"`

func init() {
	cfg, _ := config.LoadDefaultConfig(context.Background())
	if os.Getenv("LOCAL_DEV") == "1" {
		cfg.Credentials = credentials.NewStaticCredentialsProvider(os.Getenv("DEV_KEY"), os.Getenv("DEV_SECRET"), "")
	}
	client = s3.NewFromConfig(cfg)
}
