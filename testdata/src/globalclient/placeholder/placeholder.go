// Package placeholder keeps process-lifetime clients on placeholder keys
// against fakes (quiet) and on AWS-shaped literal keys (reported).
package placeholder

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

var local = s3.New(s3.Options{
	BaseEndpoint: aws.String("http://localhost:4566"),
	Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
	UsePathStyle: true,
})

var real = s3.New(s3.Options{ // want `globalclient: real \(\*s3\.Client\) is process-wide \(set at its declaration\) on literal keys from src/globalclient/placeholder/placeholder\.go:\d+`
	BaseEndpoint: aws.String("http://localhost:4566"),
	Credentials:  credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""),
})

var _, _ = local, real
