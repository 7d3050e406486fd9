// Package v1 holds expiryerr cases for aws-sdk-go (v1), positives and
// negatives side by side.
package v1

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3iface"
	"github.com/aws/aws-sdk-go/service/s3/s3manager"
)

var in = &s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String("k")}

// ---- 1. discarded errors ----

func discarded(ctx aws.Context, svc *s3.S3, api s3iface.S3API, up *s3manager.Uploader) {
	_, _ = svc.PutObject(in)                                  // want `expiryerr: the error of s3\.S3\.PutObject is discarded \(assigned to _\)`
	svc.DeleteObjectWithContext(ctx, &s3.DeleteObjectInput{}) // want `expiryerr: the error of s3\.S3\.DeleteObjectWithContext is discarded \(a bare call\)`
	defer api.DeleteObject(&s3.DeleteObjectInput{})           // want `expiryerr: the error of s3iface.S3API.DeleteObject is discarded \(deferred call: the error is lost\)`
	_, _ = up.Upload(&s3manager.UploadInput{})                // want `expiryerr: the error of s3manager.Uploader.Upload is discarded`

	req, _ := svc.PutObjectRequest(in)
	req.Send() // want `expiryerr: the error of s3\.S3\.PutObjectRequest\(\.\.\.\)\.Send is discarded \(a bare call\)`

	// Negatives: XxxRequest builders return a request and an output, no
	// error (corpus: distribution v3 s3.go:1063).
	get, _ := svc.GetObjectRequest(&s3.GetObjectInput{})
	url, err := get.Presign(20 * time.Minute)
	_, _ = url, err
	if err := req.Send(); err != nil {
		log.Print(err)
	}
}

// ---- 2. text matching ----

func textMatching(svc *s3.S3) error { // want textMatching:`returnsSDKError\(s3.S3.GetObject\)`
	_, err := svc.GetObject(&s3.GetObjectInput{})
	if err == nil {
		return nil
	}
	if strings.HasPrefix(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.HasPrefix "ExpiredToken"\) on the error of s3\.S3\.GetObject`
		return err
	}
	wrapped := fmt.Errorf("get: %w", err)
	if strings.Contains(wrapped.Error(), "RequestExpired") { // want `expiryerr: expiry is found by text \(strings\.Contains "RequestExpired"\) on the error of s3\.S3\.GetObject`
		return wrapped
	}

	// Negatives: code-based checks (corpus: distribution v3 s3.go:620 and 795).
	if s3Err, ok := err.(awserr.Error); ok && s3Err.Code() == "ExpiredToken" {
		return err
	}
	var awsErr awserr.Error
	if errors.As(err, &awsErr) && awsErr.Code() == "ExpiredToken" {
		return err
	}
	if request.IsErrorExpiredCreds(err) {
		return err
	}
	return err
}

// ---- 3. HEAD misread ----

func head(svc *s3.S3) bool {
	_, err := svc.HeadObject(&s3.HeadObjectInput{})
	if request.IsErrorExpiredCreds(err) { // want `expiryerr: request\.IsErrorExpiredCreds on s3\.S3\.HeadObject never fires`
		return false
	}
	if aerr, ok := err.(awserr.Error); ok && aerr.Code() == "ExpiredToken" { // want `expiryerr: the check of the code for ExpiredToken on s3\.S3\.HeadObject never fires`
		return false
	}
	req, _ := svc.HeadBucketRequest(&s3.HeadBucketInput{})
	if err := req.Send(); err != nil {
		switch e := err.(type) {
		case awserr.Error:
			if e.Code() == "ExpiredTokenException" { // want `expiryerr: the check of the code for ExpiredTokenException on s3\.S3\.HeadBucketRequest\(\.\.\.\)\.Send never fires`
				return false
			}
		}
	}

	// Negative: the status code.
	if rf, ok := err.(awserr.RequestFailure); ok && rf.StatusCode() == 400 {
		return false
	}
	return true
}

// ---- checks on wrapped errors that never fire ----

func wrappedCheck(svc *s3.S3) {
	_, err := svc.GetObject(&s3.GetObjectInput{})
	err = fmt.Errorf("get object: %w", err)
	if request.IsErrorExpiredCreds(err) { // want `expiryerr: request\.IsErrorExpiredCreds never fires on the error of s3\.S3\.GetObject, wrapped at src/expiryerr/v1/v1\.go:\d+`
		log.Fatal(err)
	}
	if ae, ok := err.(awserr.Error); ok && ae.Code() == "ExpiredToken" { // want `expiryerr: this check of the code never fires on the error of s3\.S3\.GetObject, wrapped at src/expiryerr/v1/v1\.go:\d+`
		log.Fatal(err)
	}
}

// ---- 4. worker loops ----

func logsForever(svc *s3.S3, jobs chan *s3.PutObjectInput) {
	for job := range jobs {
		_, err := svc.PutObject(job) // want `expiryerr: s3\.S3\.PutObject fails forever in this loop \(for range jobs\)`
		if err != nil {
			log.Printf("put %s: %v", *job.Key, err)
		}
	}
}

func classifies(svc *s3.S3, jobs chan *s3.PutObjectInput) {
	for job := range jobs {
		_, err := svc.PutObject(job)
		if request.IsErrorExpiredCreds(err) {
			log.Fatal("credentials expired: ", err)
		}
		if err != nil {
			log.Print(err)
		}
	}
}
