// The SQS worker of issue 14: a snapshot of the default chain frozen into
// a process-lifetime client, set in main.
package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
)

var queue *sqs.Client // want `globalclient: queue \(\*sqs\.Client\) is process-wide \(set in main\) on a snapshot at src/globalclient/services/worker/main\.go:\d+`

// Negative: the same client on the default chain.
var refreshing *sqs.Client

func main() {
	ctx := context.Background()
	cfg, _ := config.LoadDefaultConfig(ctx)
	v, _ := cfg.Credentials.Retrieve(ctx)
	queue = sqs.NewFromConfig(cfg, func(o *sqs.Options) {
		o.Credentials = credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)
	})
	refreshing = sqs.NewFromConfig(cfg)
	_ = refreshing
}
