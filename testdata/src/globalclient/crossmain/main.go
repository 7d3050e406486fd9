// Command crossmain keeps clients built by awsx for the whole process.
package main

import (
	"context"
	"log"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"credlint.test/src/globalclient/awsx"
)

var s3Client *s3.Client // want `globalclient: s3Client \(\*s3\.Client\) lives for the whole process \(set in main\) but its credentials come from credentials.NewStaticCredentialsProvider\(os.Getenv\("AWS_ACCESS_KEY_ID"\), \.\.\.\) at src/globalclient/awsx/awsx.go:17 \(via awsx.NewS3 at src/globalclient/crossmain/main.go:19\); they never refresh and fail with ExpiredToken once the session token expires`

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
