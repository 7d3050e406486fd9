package v2

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// Tests use fixed keys on purpose: not reported (include-tests is off).
func TestStatic(t *testing.T) {
	_ = s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "secret", "")})
}
