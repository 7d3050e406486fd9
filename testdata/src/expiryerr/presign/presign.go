// Package presign presigns URLs in a worker loop and discards presign
// errors. Presigning signs locally and sends no request: it never sees
// ExpiredToken, so none of this is an S3 operation for expiryerr. The
// real GetObject in the same loop still is.
package presign

import (
	"context"
	"log"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/minio/minio-go/v7"
)

func links(ctx context.Context, jobs <-chan string, p *s3.PresignClient, mc *minio.Client, svc *s3v1.S3) {
	for key := range jobs {
		req, err := p.PresignGetObject(ctx, &s3.GetObjectInput{Key: &key})
		if err != nil {
			log.Print(err)
			continue
		}
		u, _ := mc.PresignedGetObject(ctx, "bucket", key, time.Hour, nil)
		r, _ := svc.GetObjectRequest(&s3v1.GetObjectInput{Key: &key})
		s, _ := r.Presign(time.Hour)
		log.Print(req.URL, u, s)
	}
}

func fetch(ctx context.Context, jobs <-chan string, c *s3.Client) {
	for key := range jobs {
		_, err := c.GetObject(ctx, &s3.GetObjectInput{Key: &key}) // want `expiryerr: s3\.Client\.GetObject fails forever in this loop \(for range jobs\)`
		if err != nil {
			log.Print(err)
			continue
		}
	}
}
