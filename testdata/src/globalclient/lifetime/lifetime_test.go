package main

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Test set-up on fixed keys does not run in the service: perRequest is
// not reported because of it.
func init() {
	perRequest = s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider("test", "test", "")})
}

func TestHandler(t *testing.T) {}
