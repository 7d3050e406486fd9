// Package minio holds expiryerr cases for minio-go, positives and
// negatives side by side.
package minio

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
)

// ---- 1. discarded errors ----

func discarded(ctx context.Context, mc *minio.Client) {
	_, _ = mc.PutObject(ctx, "b", "k", bytes.NewReader(nil), 0, minio.PutObjectOptions{}) // want `expiryerr: the error of minio\.Client\.PutObject is discarded \(assigned to _\)`
	mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{})                           // want `expiryerr: the error of minio\.Client\.RemoveObject is discarded \(a bare call\)`
	defer mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{})                     // want `expiryerr: the error of minio.Client.RemoveObject is discarded \(deferred call: the error is lost\)`
	_ = mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{})                       // want `expiryerr: the error of minio.Client.RemoveObject is discarded \(assigned to _\)`

	// Negatives: not a request to S3, or the error is checked.
	cancel, _ := mc.HealthCheck(time.Second)
	_ = cancel
	if err := mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{}); err != nil {
		log.Print(err)
	}
}

// ---- 1b. errors carried by listed elements (ObjectInfo.Err) ----

func listings(ctx context.Context, mc *minio.Client) (int, error) {
	n := 0
	for range mc.ListObjects(ctx, "b", minio.ListObjectsOptions{}) { // want `expiryerr: the errors of minio\.Client\.ListObjects are discarded \(the loop never looks at the elements\)`
		n++
	}
	var keys []string
	for obj := range mc.ListObjects(ctx, "b", minio.ListObjectsOptions{Recursive: true}) { // want `expiryerr: the errors of minio\.Client\.ListObjects are discarded \(the loop never reads obj\.Err\)`
		keys = append(keys, obj.Key)
	}
	for obj := range mc.ListObjectsIter(ctx, "b", minio.ListObjectsOptions{}) { // want `expiryerr: the errors of minio\.Client\.ListObjectsIter are discarded \(the loop never reads obj\.Err\)`
		n += int(obj.Size)
	}
	uploads := mc.ListIncompleteUploads(ctx, "b", "", true) // want `expiryerr: the errors of minio\.Client\.ListIncompleteUploads are discarded \(the loop never reads u\.Err\)`
	for u := range uploads {
		keys = append(keys, u.UploadID)
	}
	mc.RemoveObjects(ctx, "b", nil, minio.RemoveObjectsOptions{}) // want `expiryerr: the errors of minio.Client.RemoveObjects are discarded \(a bare call statement drops the stream\).*RemoveObjectError.Err`

	// Negatives: Err is read, the element is passed on whole, or the
	// stream itself is handed to someone else.
	for obj := range mc.ListObjects(ctx, "b", minio.ListObjectsOptions{}) {
		if obj.Err != nil {
			return 0, obj.Err
		}
		keys = append(keys, obj.Key)
	}
	for obj := range mc.ListObjectsIter(ctx, "b", minio.ListObjectsOptions{}) {
		fmt.Println(obj) // as minio-go's own doc comment does
	}
	for rErr := range mc.RemoveObjects(ctx, "b", nil, minio.RemoveObjectsOptions{}) {
		log.Print("delete failed: ", rErr)
	}
	ch := mc.ListObjects(ctx, "b", minio.ListObjectsOptions{})
	drain(ch)
	ch2 := mc.ListObjects(ctx, "b", minio.ListObjectsOptions{})
	for obj := range ch2 {
		if err := obj.Err; err != nil {
			return 0, err
		}
	}
	return n + len(keys), nil
}

func drain(ch <-chan minio.ObjectInfo) {
	for o := range ch {
		if o.Err != nil {
			log.Print(o.Err)
		}
	}
}

// ---- 2. text matching ----

func textMatching(ctx context.Context, mc *minio.Client) {
	_, err := mc.GetObject(ctx, "b", "k", minio.GetObjectOptions{})
	if err == nil {
		return
	}
	if strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of minio\.Client\.GetObject`
		log.Fatal(err)
	}
	if strings.Contains(err.Error(), "The provided token has expired") { // want `expiryerr: expiry is found by text \(strings\.Contains "The provided token has…\) on the error of minio\.Client\.GetObject`
		log.Fatal(err)
	}
	wrapped := fmt.Errorf("get: %w", err)
	if strings.Contains(wrapped.Error(), "token has expired") { // want `expiryerr: expiry is found by text \(strings\.Contains "token has expired"\) on the error of minio\.Client\.GetObject`
		log.Fatal(err)
	}
	if minio.ToErrorResponse(wrapped).Code == "ExpiredToken" { // want `expiryerr: this check of the code never fires on the error of minio\.Client\.GetObject, wrapped at src/expiryerr/minio/minio\.go:\d+`
		log.Fatal(err)
	}

	// Negatives: code-based checks (corpus: thanos s3.go:614).
	if minio.ToErrorResponse(err).Code == "ExpiredToken" {
		log.Fatal(err)
	}
	var resp minio.ErrorResponse
	if errors.As(wrapped, &resp) && resp.Code == "ExpiredToken" {
		log.Fatal(err)
	}
}

// ---- 3. HEAD misread ----

func head(ctx context.Context, mc *minio.Client) bool {
	_, err := mc.StatObject(ctx, "b", "k", minio.StatObjectOptions{})
	if minio.ToErrorResponse(err).Code == "ExpiredToken" { // want `expiryerr: the check of the code for ExpiredToken on minio\.Client\.StatObject never fires`
		return false
	}
	_, err = mc.BucketExists(ctx, "b")
	resp := minio.ToErrorResponse(err)
	if resp.Code == "ExpiredToken" { // want `expiryerr: the check of the code for ExpiredToken on minio\.Client\.BucketExists never fires`
		return false
	}
	// Negative: the status code.
	if resp.StatusCode == 400 {
		return false
	}
	return true
}

// ---- 4. worker loops ----

func logsForever(ctx context.Context, mc *minio.Client, objects <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case name := <-objects:
			if err := mc.RemoveObject(ctx, "b", name, minio.RemoveObjectOptions{}); err != nil { // want `expiryerr: minio\.Client\.RemoveObject fails forever in this loop \(for \{ select … \}\)`
				log.Print(err)
			}
		}
	}
}

func inlineCheck(ctx context.Context, mc *minio.Client) {
	for range time.Tick(time.Minute) {
		if mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{}) != nil { // want `expiryerr: minio\.Client\.RemoveObject fails forever in this loop \(for range time\.Tick\(time\.Minute\)\)`
			log.Print("remove failed")
		}
	}
}

func classifies(ctx context.Context, mc *minio.Client) {
	for range time.Tick(time.Minute) {
		err := mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{})
		if minio.ToErrorResponse(err).Code == "ExpiredToken" {
			log.Fatal(err)
		}
	}
}

func exits(ctx context.Context, mc *minio.Client) {
	for range time.Tick(time.Minute) {
		if mc.RemoveObject(ctx, "b", "k", minio.RemoveObjectOptions{}) != nil {
			return
		}
	}
}
