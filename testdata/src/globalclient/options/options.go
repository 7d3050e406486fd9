// Package options sets process-wide clients whose credentials are given
// in option closures (func(o *sqs.Options)), Options structs, helpers that
// return options, and package-level configs copied and then given
// credentials (issue 19). Reported and quiet cases side by side.
package options

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sqs"

	"credlint.test/src/globalclient/options/frozen"
)

// Queue is the program's own view of the SQS client.
type Queue interface {
	SendMessage(ctx context.Context, in *sqs.SendMessageInput, optFns ...func(*sqs.Options)) (*sqs.SendMessageOutput, error)
}

// Logger is an interface of the program that holds no client.
type Logger interface{ Printf(string, ...any) }

type stdLogger struct{}

func (stdLogger) Printf(string, ...any) {}

var (
	closure   *sqs.Client // want `globalclient: closure \(\*sqs\.Client\) is process-wide \(set in init\) on a snapshot at src/globalclient/options/options\.go:\d+`
	viaHelper *sqs.Client // want `globalclient: viaHelper \(\*sqs\.Client\) is process-wide \(set in init\) on a snapshot`
	viaOpts   *sqs.Client // want `globalclient: viaOpts \(\*sqs\.Client\) is process-wide \(set in init\) on a snapshot`
	asQueue   Queue       // want `globalclient: asQueue \(\*sqs\.Client\) is process-wide \(set in init\) on a snapshot`
	copied    aws.Config  // want `globalclient: copied \(aws\.Config\) is process-wide \(set in init\) on a snapshot at src/globalclient/options/frozen/frozen\.go:\d+ via frozen\.Provider`
	refreshed aws.Config
	fresh     *sqs.Client
	logger    Logger
)

// withCredentials returns an option that sets the client's provider.
func withCredentials(p aws.CredentialsProvider) func(*sqs.Options) {
	return func(o *sqs.Options) { o.Credentials = p }
}

func init() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		panic(err)
	}
	creds, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		panic(err)
	}
	snapshot := credentials.NewStaticCredentialsProvider(creds.AccessKeyID, creds.SecretAccessKey, creds.SessionToken)

	closure = sqs.NewFromConfig(cfg, func(o *sqs.Options) {
		o.Region = "eu-west-1"
		o.Credentials = snapshot
	})
	viaHelper = sqs.NewFromConfig(cfg, withCredentials(snapshot))
	opts := sqs.Options{Region: "eu-west-1"}
	opts.Credentials = snapshot
	viaOpts = sqs.New(opts)
	asQueue = sqs.NewFromConfig(cfg, func(o *sqs.Options) { o.Credentials = snapshot })

	copied = cfg.Copy()
	copied.Credentials, _ = frozen.Provider(ctx, cfg)

	// Quiet: the copy gets the refreshing provider, the closure the
	// config's own, the interface a logger.
	refreshed = cfg.Copy()
	refreshed.Credentials = frozen.Refreshing(cfg)
	fresh = sqs.NewFromConfig(cfg, withCredentials(cfg.Credentials))
	logger = stdLogger{}
}
