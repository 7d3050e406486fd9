// Package archive moves old results to a colder bucket with the legacy
// aws-sdk-go (v1) SDK.
package archive

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
)

// Archiver deletes expired results.
type Archiver struct {
	client *s3.S3
	bucket string
}

// New builds an Archiver. MaxRetries 0 looks harmless, but in v1 it also
// stops the SDK from refreshing credentials after ExpiredToken: noretry
// reports it.
func New(bucket string) *Archiver {
	sess := session.Must(session.NewSession(&aws.Config{MaxRetries: aws.Int(0)}))
	return &Archiver{client: s3.New(sess), bucket: bucket}
}

// Sweep deletes results older than maxAge.
func (a *Archiver) Sweep(ctx context.Context, maxAge time.Duration) error {
	cutoff := time.Now().Add(-maxAge)
	return a.client.ListObjectsV2PagesWithContext(ctx, &s3.ListObjectsV2Input{Bucket: aws.String(a.bucket)},
		func(page *s3.ListObjectsV2Output, last bool) bool {
			for _, obj := range page.Contents {
				if obj.LastModified != nil && obj.LastModified.Before(cutoff) {
					if _, err := a.client.DeleteObjectWithContext(ctx, &s3.DeleteObjectInput{Bucket: aws.String(a.bucket), Key: obj.Key}); err != nil {
						fmt.Printf("delete %s: %v\n", aws.StringValue(obj.Key), err)
						return false
					}
				}
			}
			return true
		})
}
