// Package both enables staticcreds and globalclient: a global on static
// credentials is two findings at two positions, and suppressing one leaves
// the other.
package both

import (
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var provider = credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")) // want `staticcreds: credentials.NewStaticCredentialsProvider`

var client = s3.NewFromConfig(aws.Config{Credentials: provider}) // want `globalclient: client \(\*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/both/both\.go:\d+`

// One line, two rules: ignoring staticcreds leaves globalclient.
var sameLine = s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")}) //credlint:ignore staticcreds the keys are rotated by the platform // want `globalclient: sameLine \(\*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/both/both\.go:\d+`

//credlint:ignore globalclient rebuilt by the supervisor every hour
var ignoredGlobal = s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")}) // want `staticcreds: credentials.NewStaticCredentialsProvider`
