// Command crossmain keeps clients built by awsx for the whole process.
package main

import (
	"context"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"credlint.test/src/globalclient/awsx"
)

var s3Client *s3.Client // want `globalclient: s3Client \(\*s3\.Client\) is process-wide \(set in main\) on env keys from src/globalclient/awsx/awsx\.go:\d+ via awsx\.NewS3`

var defaultClient *s3.Client

func main() {
	var err error
	s3Client, err = awsx.NewS3(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	defaultClient, err = awsx.NewDefault(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	start()
}
