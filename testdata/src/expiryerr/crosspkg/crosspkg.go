// Package crosspkg uses classify's helpers: their facts decide here.
package crosspkg

import (
	"context"
	"log"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"credlint.test/src/expiryerr/classify"
)

// classifiedWorker is clean: the error goes to a classifier of another
// package (its IsClassifier fact).
func classifiedWorker(ctx context.Context, client *s3.Client) {
	for range time.Tick(time.Minute) {
		_, err := client.PutObject(ctx, &s3.PutObjectInput{})
		if err != nil {
			classify.ExitOnExpiry(err)
			log.Print(err)
		}
	}
}

// tableWorker is clean too.
func tableWorker(ctx context.Context, client *s3.Client, keys <-chan string) {
	for key := range keys {
		if err := classify.Fetch(ctx, client, key); err != nil {
			if classify.InCodes(err) {
				return
			}
			log.Print(err)
		}
	}
}

// loggingWorker calls a helper of another package that returns an S3
// error (its ReturnsSDKError fact), and only logs.
func loggingWorker(ctx context.Context, client *s3.Client, keys <-chan string) {
	for key := range keys {
		if err := classify.Fetch(ctx, client, key); err != nil { // want `expiryerr: classify\.Fetch \(s3\.Client\.GetObject at src/expiryerr/classify/classify\.go:\d+\) fails forever in this loop \(for range keys\)`
			if classify.IsCode(err, "NoSuchKey") {
				continue
			}
			log.Print(err)
		}
	}
}

func textViaFact(ctx context.Context, client *s3.Client) {
	err := classify.Fetch(ctx, client, "k")
	if err != nil && strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of classify\.Fetch \(s3\.Client\.GetObject at src/expiryerr/classify/classify\.go:\d+\)`
		log.Fatal(err)
	}
}

func headViaFact(ctx context.Context, client *s3.Client) {
	_, err := classify.Exists(ctx, client, "k")
	if classify.IsExpired(err) { // want `expiryerr: classify\.IsExpired \(an ExpiredToken check\) on classify\.Exists \(s3\.Client\.HeadObject at src/expiryerr/classify/classify\.go:\d+\) never fires`
		log.Fatal(err)
	}
}
