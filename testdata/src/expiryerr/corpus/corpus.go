// Package corpus mirrors the shapes of the real-world corpus cases of the
// expiryerr rule (the maintainers' labeled corpus, see eval/README.md).
package corpus

import (
	"context"
	"errors"
	"io"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/awserr"
	"github.com/aws/aws-sdk-go/aws/request"
	s3v1 "github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/smithy-go"
	"github.com/minio/minio-go/v7"

	"credlint.test/src/expiryerr/errs"
)

// S3API is tusd's own interface over *s3.Client (s3store.go:197).
type S3API interface {
	PutObject(ctx context.Context, input *s3.PutObjectInput, opt ...func(*s3.Options)) (*s3.PutObjectOutput, error)
	AbortMultipartUpload(ctx context.Context, input *s3.AbortMultipartUploadInput, opt ...func(*s3.Options)) (*s3.AbortMultipartUploadOutput, error)
}

type tusStore struct{ Service S3API }

// tusd v2.9.1 s3store.go:973: the abort runs in a goroutine and its
// error is dropped on purpose: report.
func (store tusStore) terminate(ctx context.Context) error {
	go func() {
		store.Service.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{}) // want `expiryerr: the error of s3\.Client\.AbortMultipartUpload is discarded \(a bare call in a goroutine\)`
	}()
	return nil
}

// tusd s3store.go:1181 isAwsErrorCode: errors.As and ErrorCode(): quiet.
func isAwsErrorCode(err error, code string) bool {
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode() == code
}

type driver struct {
	S3     *s3v1.S3
	Bucket string
}

type writer struct {
	driver   *driver
	key      string
	uploadID string
}

// docker/distribution v2.8.3 s3.go:1174 and 1330: the abort after a failed
// complete drops its result and error: report.
func (w *writer) Commit() error { // want Commit:`returnsSDKError\(s3.S3.CompleteMultipartUpload\)`
	_, err := w.driver.S3.CompleteMultipartUpload(&s3v1.CompleteMultipartUploadInput{
		Bucket:   awsv1.String(w.driver.Bucket),
		Key:      awsv1.String(w.key),
		UploadId: awsv1.String(w.uploadID),
	})
	if err != nil {
		w.driver.S3.AbortMultipartUpload(&s3v1.AbortMultipartUploadInput{ // want `expiryerr: the error of s3\.S3\.AbortMultipartUpload is discarded \(a bare call\)`
			Bucket:   awsv1.String(w.driver.Bucket),
			Key:      awsv1.String(w.key),
			UploadId: awsv1.String(w.uploadID),
		})
		return err
	}
	return nil
}

// distribution v3.1.2 s3.go:1386, the fixed form: quiet.
func (w *writer) commitV3() error { // want commitV3:`returnsSDKError\(s3.S3.CompleteMultipartUpload\)`
	_, err := w.driver.S3.CompleteMultipartUpload(&s3v1.CompleteMultipartUploadInput{})
	if err != nil {
		if _, aErr := w.driver.S3.AbortMultipartUpload(&s3v1.AbortMultipartUploadInput{}); aErr != nil {
			return errors.Join(err, aErr)
		}
		return err
	}
	return nil
}

// distribution v3.1.2 s3.go:620: type assertion to awserr.Error: quiet.
func (d *driver) Reader(ctx context.Context, path string) (io.ReadCloser, error) { // want Reader:`returnsSDKError\(s3.S3.GetObjectWithContext\)`
	resp, err := d.S3.GetObjectWithContext(ctx, &s3v1.GetObjectInput{})
	if err != nil {
		if s3Err, ok := err.(awserr.Error); ok && s3Err.Code() == "InvalidRange" {
			return io.NopCloser(strings.NewReader("")), nil
		}
		return nil, err
	}
	return resp.Body, nil
}

// distribution v3.1.2 s3.go:1063: the blank discards the output of a
// request builder, not an error: quiet.
func (d *driver) RedirectURL(path string) (string, error) { // want RedirectURL:`returnsSDKError\(request.Request.Presign\)`
	var req *request.Request
	req, _ = d.S3.GetObjectRequest(&s3v1.GetObjectInput{})
	return req.Presign(20 * time.Minute)
}

// VictoriaMetrics v1.151.0 s3.go:553: text matching on NoSuchKey, not an
// expiry: quiet.
func hasFile(ctx context.Context, client *s3.Client) (bool, error) { // want hasFile:`returnsSDKError\(s3.Client.GetObject\)`
	_, err := client.GetObject(ctx, &s3.GetObjectInput{})
	if err != nil {
		if strings.Contains(err.Error(), "NoSuchKey") {
			return false, nil
		}
		return false, err
	}
	return true, nil
}

// rclone v1.76.0 s3.go:1281: Go 1.26 errors.AsType: quiet.
func shouldRetry(err error) bool {
	if awsError, ok := errors.AsType[smithy.APIError](err); ok {
		return awsError.ErrorCode() == "RequestTimeout"
	}
	return false
}

// thanos objstore s3.go:614: minio.ToErrorResponse on the cause: quiet,
// also for an expiry code, since Cause unwraps what the caller wrapped.
func isObjNotFound(err error) bool {
	return minio.ToErrorResponse(errs.Cause(err)).Code == "NoSuchKey"
}

func isExpiredThanos(ctx context.Context, mc *minio.Client) bool {
	_, err := mc.GetObject(ctx, "b", "k", minio.GetObjectOptions{})
	wrapped := errors.Join(errors.New("get"), err)
	return minio.ToErrorResponse(errs.Cause(wrapped)).Code == "ExpiredToken"
}
