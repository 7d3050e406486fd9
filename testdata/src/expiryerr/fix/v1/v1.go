// Package v1 checks the suggested fix for v1 text matching.
package v1

import (
	"log"
	"strings"

	"github.com/aws/aws-sdk-go/service/s3"
)

func get(svc *s3.S3) {
	_, err := svc.GetObject(&s3.GetObjectInput{})
	if strings.Contains(err.Error(), "ExpiredToken") { // want `expiryerr: expiry is found by text \(strings\.Contains "ExpiredToken"\) on the error of s3\.S3\.GetObject`
		log.Fatal(err)
	}
}
