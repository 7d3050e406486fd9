// Package headloop holds worker loops around HEAD requests: their advice is
// to leave the loop, never to check for ExpiredToken (a HEAD error never
// carries it), and a second finding in the same loop does not repeat the
// first one's explanation.
package headloop

import (
	"context"
	"log"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"credlint.test/src/expiryerr/classify"
)

// watch polls objects with HEAD requests and logs every error.
func watch(ctx context.Context, client *s3.Client, key string) {
	for range time.Tick(time.Minute) {
		if _, err := client.HeadObject(ctx, &s3.HeadObjectInput{Key: &key}); err != nil { // want `expiryerr: s3\.Client\.HeadObject fails forever in this loop \(for range time\.Tick\(time\.Minute\)\): it only logs and continues; HEAD errors never say ExpiredToken: return or exit$`
			log.Print(err)
			continue
		}
		if ok, err := classify.Exists(ctx, client, key); err != nil || !ok { // want `expiryerr: classify\.Exists \(s3\.Client\.HeadObject at src/expiryerr/classify/classify\.go:\d+\) also fails forever in this loop \(for range time\.Tick\(time\.Minute\)\), as at src/expiryerr/headloop/headloop\.go:\d+$`
			log.Print(err)
		}
	}
}

// fetchAndCheck mixes a GET and a HEAD in one loop: each gets its own advice.
func fetchAndCheck(ctx context.Context, client *s3.Client, key string) {
	for range time.Tick(time.Minute) {
		if _, err := client.GetObject(ctx, &s3.GetObjectInput{Key: &key}); err != nil { // want `expiryerr: s3\.Client\.GetObject fails forever in this loop \(for range time\.Tick\(time\.Minute\)\): it only logs and continues; classify it \(smithy\.APIError\) or exit`
			log.Print(err)
		}
		if ok, err := classify.Exists(ctx, client, key); err != nil || !ok { // want `expiryerr: classify\.Exists \(s3\.Client\.HeadObject at src/expiryerr/classify/classify\.go:\d+\) also fails forever in this loop: HEAD errors never say ExpiredToken: return or exit$`
			log.Print(err)
		}
	}
}
