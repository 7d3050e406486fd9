// Package helper matches expiry by text inside helpers that take an error
// parameter. It is a text match on S3 errors when the package's callers
// pass the helper the errors of S3 operations; a helper only ever given
// other errors stays quiet.
package helper

import (
	"context"
	"errors"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

const tokenExpired = "The provided token has expired"

func isExpired(err error) bool { // want isExpired:`isClassifier\(text\)`
	return strings.Contains(err.Error(), "ExpiredToken") // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of s3\.Client\.GetObject`
}

func isExpiredMessage(err error) bool { // want isExpiredMessage:`isClassifier\(text\)`
	return err != nil && strings.Contains(err.Error(), tokenExpired) // want `expiryerr: expiry is found by text \(strings\.Contains "The provided token has…\) on the error of s3\.Client\.PutObject`
}

func get(ctx context.Context, c *s3.Client, in *s3.GetObjectInput) error { // want get:`returnsSDKError\(s3.Client.GetObject\)`
	_, err := c.GetObject(ctx, in)
	if err != nil && isExpired(err) {
		return errors.New("credentials expired")
	}
	return err
}

func put(ctx context.Context, c *s3.Client, in *s3.PutObjectInput) error { // want put:`returnsSDKError\(s3.Client.PutObject\)`
	_, err := c.PutObject(ctx, in)
	if isExpiredMessage(err) {
		return errors.New("credentials expired")
	}
	return err
}

// isTimeout is only given errors that are not from an SDK. Quiet.
func isTimeout(err error) bool { // want isTimeout:`isClassifier\(text\)`
	return strings.Contains(err.Error(), "ExpiredToken")
}

func local() bool {
	return isTimeout(errors.New("ExpiredToken from the queue protocol"))
}

// IsExpiredText is used from another package (helperuse): quiet here, no
// caller in this package passes it an S3 error.
func IsExpiredText(err error) bool { // want IsExpiredText:`isClassifier\(text\)`
	return err != nil && strings.Contains(err.Error(), tokenExpired)
}
