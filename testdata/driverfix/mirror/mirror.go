// Package mirror names only aws-sdk-go's data types, in an interface whose
// method mirrors an operation (sdk.MirroredOperation): Fetch returns an
// S3 operation's error, so mirror carries a fact.
package mirror

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/s3"
)

// API mirrors s3.S3's GetObject.
type API interface {
	GetObject(*s3.GetObjectInput) (*s3.GetObjectOutput, error)
}

// Fetch returns GetObject's error.
func Fetch(api API) error {
	_, err := api.GetObject(&s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
	return err
}
