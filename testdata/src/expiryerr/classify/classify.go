// Package classify holds helpers that other packages use: classifiers of
// expiry errors (IsClassifier facts) and functions that return S3 errors
// (ReturnsSDKError facts).
package classify

import (
	"context"
	"errors"
	"os"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/smithy-go"
	"github.com/minio/minio-go/v7"
)

// IsExpired classifies an expired token for all three SDKs, by code.
func IsExpired(err error) bool { // want IsExpired:`isClassifier\(code\)`
	var apiErr smithy.APIError
	if errors.As(err, &apiErr) {
		switch apiErr.ErrorCode() {
		case "ExpiredToken", "ExpiredTokenException":
			return true
		}
	}
	return request.IsErrorExpiredCreds(err) || minio.ToErrorResponse(err).Code == "ExpiredToken"
}

// ExitOnExpiry calls IsExpired: a classifier too.
func ExitOnExpiry(err error) { // want ExitOnExpiry:`isClassifier\(calls classify.IsExpired\)`
	if IsExpired(err) {
		os.Exit(1)
	}
}

var expiryCodes = map[string]bool{"ExpiredToken": true, "ExpiredTokenException": true, "RequestExpired": true}

// InCodes looks the code up in a table of expiry codes.
func InCodes(err error) bool { // want InCodes:`isClassifier\(code\)`
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && expiryCodes[apiErr.ErrorCode()]
}

// IsCode compares with a code it is given: not an expiry classifier by
// itself (corpus: tusd isAwsErrorCode).
func IsCode(err error, code string) bool {
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && apiErr.ErrorCode() == code
}

// Fetch returns the error of GetObject.
func Fetch(ctx context.Context, client *s3.Client, key string) error { // want Fetch:`returnsSDKError\(s3.Client.GetObject\)`
	_, err := client.GetObject(ctx, &s3.GetObjectInput{Key: &key})
	return err
}

// Exists returns the error of HeadObject.
func Exists(ctx context.Context, client *s3.Client, key string) (bool, error) { // want Exists:`returnsSDKError\(s3.Client.HeadObject, HEAD\)`
	if _, err := client.HeadObject(ctx, &s3.HeadObjectInput{Key: &key}); err != nil {
		return false, err
	}
	return true, nil
}
