// Package v1 holds presignttl cases for aws-sdk-go (v1).
package v1

import (
	"time"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
)

func presign() {
	svc := s3.New(session.Must(session.NewSession()))
	req, _ := svc.GetObjectRequest(&s3.GetObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
	_, _ = req.Presign(12 * time.Hour)          // want `presignttl: request\.Request\.Presign presigns for 12h with refreshing temporary credentials`
	_, _, _ = req.PresignRequest(3 * time.Hour) // want `presignttl: request\.Request\.PresignRequest presigns for 3h with refreshing temporary credentials`
	_, _ = req.Presign(15 * time.Minute)

	keys := s3.New(session.Must(session.NewSession(&aws.Config{Credentials: credentials.NewStaticCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")})))
	r2, _ := keys.PutObjectRequest(&s3.PutObjectInput{Bucket: aws.String("b"), Key: aws.String("k")})
	_, _ = r2.Presign(12 * time.Hour) // long-term keys: not reported
}
