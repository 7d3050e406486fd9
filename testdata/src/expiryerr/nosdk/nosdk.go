// Package nosdk text-matches ExpiredToken on errors that do not come from
// an SDK (atproto names an error ExpiredToken too): quiet.
package nosdk

import (
	"context"
	"errors"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// XRPCError is an error of another protocol.
type XRPCError struct{ Name string }

func (e *XRPCError) Error() string { return e.Name }

func refreshSession() error { return &XRPCError{Name: "ExpiredToken"} }

func call(ctx context.Context, client *s3.Client) error {
	err := refreshSession()
	if err != nil && strings.Contains(err.Error(), "ExpiredToken") {
		return errors.New("session expired")
	}
	var xe *XRPCError
	if errors.As(err, &xe) && xe.Name == "ExpiredToken" {
		return err
	}
	_ = client
	return nil
}
