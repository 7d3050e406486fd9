// Package user imports nobody, which does not compile.
package user

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/driverfix/nobody"
)

// Stamp is nobody's clock.
var Stamp = nobody.Now

// Client has no retries either.
var Client = s3.New(s3.Options{Region: "eu-west-1", Retryer: aws.NopRetryer{}}) // noretry
