// Package partner uploads daily reports to a partner's bucket with keys the
// partner issued, passed to the task as environment variables. It exists to
// show two credlint findings on the same mistake:
//
//   - staticcreds, at credentials.NewStaticCredentialsProvider: the keys are
//     read once and never refresh (and, were they AWS_* variables, they would
//     also win over the task role in the default chain);
//   - globalclient, at partnerClient: a client that lives as long as the
//     process on those keys; with a session token it fails with
//     ExpiredToken once the token expires.
//
// The fix is an assumed role (stscreds with the default chain) or keys
// reloaded per upload, not a process-wide client on fixed keys.
package partner

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var partnerClient = s3.NewFromConfig(aws.Config{
	Region: "eu-west-1",
	Credentials: credentials.NewStaticCredentialsProvider(
		os.Getenv("PARTNER_ACCESS_KEY_ID"),
		os.Getenv("PARTNER_SECRET_ACCESS_KEY"),
		os.Getenv("PARTNER_SESSION_TOKEN"),
	),
})

// Upload stores one report in the partner's bucket.
func Upload(ctx context.Context, bucket, key string, body []byte) error {
	_, err := partnerClient.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(bucket),
		Key:    aws.String(key),
		Body:   bytes.NewReader(body),
	})
	if err != nil {
		return fmt.Errorf("partner upload %s: %w", key, err)
	}
	return nil
}
