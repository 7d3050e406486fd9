// Package v2 holds expiryerr cases for aws-sdk-go-v2, positives and
// negatives side by side.
package v2

import (
	"context"
	"errors"
	"fmt"
	"log"
	"regexp"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/feature/s3/manager"
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
)

var in = &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String("k")}

// ---- 1. discarded errors ----

func discarded(ctx context.Context, client *s3.Client, presign *s3.PresignClient, up *manager.Uploader) {
	_, _ = client.PutObject(ctx, in)                        // want `expiryerr: the error of s3\.Client\.PutObject is discarded \(assigned to _\)`
	client.DeleteObject(ctx, &s3.DeleteObjectInput{})       // want `expiryerr: the error of s3\.Client\.DeleteObject is discarded \(a bare call\)`
	defer client.DeleteObject(ctx, &s3.DeleteObjectInput{}) // want `expiryerr: the error of s3.Client.DeleteObject is discarded \(deferred call: the error is lost\)`
	go client.DeleteObject(ctx, &s3.DeleteObjectInput{})    // want `expiryerr: the error of s3.Client.DeleteObject is discarded \(go statement: the error is lost\)`
	go func() {
		client.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{}) // want `expiryerr: the error of s3\.Client\.AbortMultipartUpload is discarded \(a bare call in a goroutine\)`
	}()
	url, _ := presign.PresignGetObject(ctx, &s3.GetObjectInput{}) // quiet: presigning sends no request (expiryerr/presign)
	_ = url
	out, _ := up.Upload(ctx, in) // want `expiryerr: the error of manager.Uploader.Upload is discarded`
	_ = out
	tm := transfermanager.New(client)
	tm.UploadObject(ctx, &transfermanager.UploadObjectInput{}) // want `expiryerr: the error of transfermanager\.Client\.UploadObject is discarded \(a bare call\)`

	// Suppressed, with a reason.
	//credlint:ignore expiryerr the abort is best effort: the upload's own error is returned
	go func() { _, _ = client.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{}) }()

	// Negatives: the error is checked, or the call has no error result.
	if _, err := client.PutObject(ctx, in); err != nil {
		log.Print(err)
	}
	_ = client.Options()
	var resp *s3.PutObjectOutput
	resp, err := client.PutObject(ctx, in)
	_, _ = resp, err
}

// ---- 2. text matching ----

func textMatching(ctx context.Context, client *s3.Client) error { // want textMatching:`returnsSDKError\(s3.Client.GetObject\)`
	_, err := client.GetObject(ctx, &s3.GetObjectInput{})
	if err == nil {
		return nil
	}
	if strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of s3\.Client\.GetObject`
		return err
	}
	msg := strings.ToLower(err.Error())
	if strings.HasSuffix(msg, "the provided token has expired.") { // want `expiryerr: expiry is found by text \(strings\.HasSuffix "the provided token has…\) on the error of s3\.Client\.GetObject`
		return err
	}
	if fmt.Sprint(err) == "ExpiredTokenException" { // want `expiryerr: expiry is found by text \(== "ExpiredTokenException"\) on the error of s3\.Client\.GetObject`
		return err
	}
	if expiredRe.MatchString(err.Error()) { // want `expiryerr: expiry is found by text \(regexp MatchString "ExpiredToken\|…\) on the error of s3\.Client\.GetObject`
		return err
	}
	wrapped := fmt.Errorf("get: %v", err)
	if strings.Index(wrapped.Error(), "ExpiredToken") >= 0 { // want `expiryerr: expiry is found by text \(strings\.Index "ExpiredToken"\) on the error of s3\.Client\.GetObject`
		return wrapped
	}
	switch err.Error() {
	case "RequestExpired": // want `expiryerr: expiry is found by text \(a switch on its text\) on the error of s3\.Client\.GetObject`
		return err
	}

	// Negatives: a code-based check, done right.
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredToken" {
		return err
	}
	if ae, ok := errors.AsType[smithy.APIError](err); ok && ae.ErrorCode() == "ExpiredToken" {
		return err
	}
	// Text matching for something other than expiry.
	if strings.Contains(err.Error(), "NoSuchKey") {
		return nil
	}
	return err
}

var expiredRe = regexp.MustCompile("ExpiredToken|RequestExpired")

// fetch returns the error of GetObject: the fact lets callers in other
// packages know where their error comes from.
func fetch(ctx context.Context, client *s3.Client) error { // want fetch:`returnsSDKError\(s3.Client.GetObject, wrapped\)`
	_, err := client.GetObject(ctx, &s3.GetObjectInput{})
	if err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	return nil
}

func viaHelper(ctx context.Context, client *s3.Client) {
	err := fetch(ctx, client)
	if err != nil && strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of v2\.fetch \(s3\.Client\.GetObject at src/expiryerr/v2/v2\.go:\d+\)`
		log.Fatal(err)
	}
}

// notSDK text-matches an error that does not come from an SDK: quiet.
func notSDK(err error) bool { // want notSDK:`isClassifier\(text\)`
	return strings.Contains(err.Error(), "ExpiredToken")
}

// ---- 3. HEAD misread ----

func head(ctx context.Context, client *s3.Client) (bool, error) { // want head:`returnsSDKError\(s3.Client.HeadObject, HEAD\)`
	_, err := client.HeadObject(ctx, &s3.HeadObjectInput{})
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredToken" { // want `expiryerr: the check of the code for ExpiredToken on s3\.Client\.HeadObject never fires`
		return false, err
	}
	if strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: matching the error's text against "ExpiredToken" on s3\.Client\.HeadObject never fires`
		return false, err
	}
	if isExpired(err) { // want `expiryerr: v2\.isExpired \(an ExpiredToken check\) on s3\.Client\.HeadObject never fires`
		return false, err
	}
	_, err = client.HeadBucket(ctx, &s3.HeadBucketInput{})
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode() {
		case "ExpiredToken": // want `expiryerr: the check of the code for ExpiredToken on s3\.Client\.HeadBucket never fires`
			return false, err
		}
	}

	// Negative: the status code of a HEAD error.
	var re *awshttp.ResponseError
	if errors.As(err, &re) && re.HTTPStatusCode() == 400 {
		return false, err
	}
	// Negative: ExpiredToken on a GET.
	_, err = client.GetObject(ctx, &s3.GetObjectInput{})
	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredToken" {
		return false, err
	}
	return true, nil
}

func isExpired(err error) bool { // want isExpired:`isClassifier\(code\)`
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredToken"
}

// ---- 4. worker loops ----

func logsForever(ctx context.Context, client *s3.Client) {
	ticker := time.NewTicker(time.Minute)
	for range ticker.C {
		if _, err := client.PutObject(ctx, in); err != nil { // want `expiryerr: s3\.Client\.PutObject fails forever in this loop \(for range ticker\.C\)`
			log.Printf("put: %v", err)
			continue
		}
	}
}

// A discarded error in a worker loop is reported once, as discarded.
func discardsInLoop(ctx context.Context, client *s3.Client) {
	for range time.Tick(time.Minute) {
		client.DeleteObject(ctx, &s3.DeleteObjectInput{}) // want `expiryerr: the error of s3\.Client\.DeleteObject is discarded \(a bare call\)`
	}
}

func selectLoop(ctx context.Context, client *s3.Client, jobs <-chan string) {
	for {
		select {
		case <-ctx.Done():
			return
		case key := <-jobs:
			_, err := client.DeleteObject(ctx, &s3.DeleteObjectInput{Key: &key}) // want `expiryerr: s3\.Client\.DeleteObject fails forever in this loop \(for \{ select … \}\)`
			if err != nil {
				time.Sleep(time.Second)
				break // leaves the select, not the loop
			}
		}
	}
}

func rangeChannel(ctx context.Context, client *s3.Client, keys chan string) {
	failures := 0
	for key := range keys {
		_, err := client.GetObject(ctx, &s3.GetObjectInput{Key: &key}) // want `expiryerr: s3\.Client\.GetObject fails forever in this loop \(for range keys\)`
		if err == nil {
			continue
		}
		failures++
		log.Print(failures, err)
	}
}

func helperInLoop(ctx context.Context, client *s3.Client) {
	for range time.Tick(time.Minute) {
		if err := fetch(ctx, client); err != nil { // want `expiryerr: v2\.fetch \(s3\.Client\.GetObject at src/expiryerr/v2/v2\.go:\d+\) fails forever in this loop \(for range time\.Tick\(time\.Minute\)\)`
			log.Print(err)
		}
	}
}

func pagesForever(ctx context.Context, client *s3.Client) {
	for range time.Tick(time.Hour) {
		p := s3.NewListObjectsV2Paginator(client, &s3.ListObjectsV2Input{})
		for p.HasMorePages() {
			page, err := p.NextPage(ctx) // want `expiryerr: s3\.ListObjectsV2Paginator\.NextPage fails forever in this loop \(for range time\.Tick\(time\.Hour\)\)`
			if err != nil {
				log.Print(err)
				break // leaves the pages, not the worker loop
			}
			_ = page
		}
	}
}

// Negatives: the loop returns, exits, breaks out, or classifies.

func returns(ctx context.Context, client *s3.Client) error { // want returns:`returnsSDKError\(s3.Client.PutObject, wrapped\)`
	for {
		if _, err := client.PutObject(ctx, in); err != nil {
			return fmt.Errorf("put: %w", err)
		}
	}
}

func wrapsThenReturns(ctx context.Context, client *s3.Client) error { // want wrapsThenReturns:`returnsSDKError\(s3.Client.PutObject, wrapped\)`
	for {
		_, err := client.PutObject(ctx, in)
		err = wrapErr(err)
		if err != nil {
			return err
		}
	}
}

func wrapErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("put: %w", err)
}

func exitsAfterThree(ctx context.Context, client *s3.Client) {
	failures := 0
	for range time.Tick(time.Second) {
		_, err := client.PutObject(ctx, in)
		if err != nil {
			failures++
			if failures > 3 {
				log.Fatalf("giving up: %v", err)
			}
			continue
		}
		failures = 0
	}
}

func breaksOut(ctx context.Context, client *s3.Client, jobs chan string) {
loop:
	for {
		select {
		case key := <-jobs:
			if _, err := client.DeleteObject(ctx, &s3.DeleteObjectInput{Key: &key}); err != nil {
				break loop
			}
		}
	}
}

func classifies(ctx context.Context, client *s3.Client, cache *aws.CredentialsCache) {
	for range time.Tick(time.Second) {
		_, err := client.PutObject(ctx, in)
		if err != nil {
			var apiErr smithy.APIError
			if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredToken" {
				cache.Invalidate()
			}
			log.Print(err)
		}
	}
}

func classifiesViaHelper(ctx context.Context, client *s3.Client) {
	for range time.Tick(time.Second) {
		_, err := client.PutObject(ctx, in)
		if isExpired(err) {
			panic(err)
		}
		if err != nil {
			log.Print(err)
		}
	}
}

func switchReturns(ctx context.Context, client *s3.Client) error { // want switchReturns:`returnsSDKError\(s3.Client.PutObject\)`
	for {
		_, err := client.PutObject(ctx, in)
		switch {
		case err != nil:
			return err
		default:
			time.Sleep(time.Second)
		}
	}
}

func switchLogs(ctx context.Context, client *s3.Client) {
	for {
		_, err := client.PutObject(ctx, in) // want `expiryerr: s3\.Client\.PutObject fails forever in this loop \(for \{ … \}\)`
		switch {
		case err != nil:
			log.Print(err)
		default:
			time.Sleep(time.Second)
		}
	}
}

func sendsOn(ctx context.Context, client *s3.Client, errs chan<- error) {
	for {
		_, err := client.PutObject(ctx, in)
		if err != nil {
			errs <- err
		}
	}
}

// finite loops are not worker loops.
func finite(ctx context.Context, client *s3.Client, keys []string) {
	for _, k := range keys {
		if _, err := client.DeleteObject(ctx, &s3.DeleteObjectInput{Key: &k}); err != nil {
			log.Print(err)
		}
	}
}
