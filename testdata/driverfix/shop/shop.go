// Package shop is requested alone (./shop): catalog and acl leave the
// source set, wrap and box stay, and its findings need wrap's facts.
package shop

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/driverfix/box"
	"example.com/driverfix/catalog"
	"example.com/driverfix/mirror"
	"example.com/driverfix/plain"
	"example.com/driverfix/wrap"
)

var client = s3.New(s3.Options{Region: "eu-west-1", Credentials: wrap.Static}) // staticcreds/globalclient, from wrap's fact

var shelf = box.New() // from wrap's and box's facts

// Shelf returns the process-wide box.
func Shelf() *box.Box { return shelf }

// Client returns the process-wide client.
func Client() *s3.Client { return client }

// Index is a catalog entry.
var Index = catalog.Public("index")

// Expired asks plain.IsExpired, a match on the error's text.
func Expired(ctx context.Context) bool {
	_, err := client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
	return err != nil && plain.IsExpired(err) // expiryerr, from plain's fact
}

// Loop retries forever on the errors of mirror.Fetch (an S3 operation's,
// through an interface that mirrors it).
func Loop(api mirror.API) {
	for {
		if err := mirror.Fetch(api); err != nil { // expiryerr, from mirror's fact
			continue
		}
		return
	}
}
