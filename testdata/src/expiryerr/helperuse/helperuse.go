// Package helperuse passes S3 errors to a helper of another package that
// matches its error parameter by text (helper.IsExpiredText): reported at
// the call, through the helper's fact.
package helperuse

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"credlint.test/src/expiryerr/helper"
)

func fetch(ctx context.Context, c *s3.Client, in *s3.GetObjectInput) error { // want fetch:`returnsSDKError\(s3.Client.GetObject\)`
	_, err := c.GetObject(ctx, in)
	if helper.IsExpiredText(err) { // want `expiryerr: expiry is found by text \(in helper\.IsExpiredText, at src/expiryerr/…\) on the error of s3\.Client\.GetObject`
		return errors.New("expired")
	}
	return err
}

func other() bool {
	return helper.IsExpiredText(errors.New("not from an SDK"))
}
