// Package store keeps objects in S3.
package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/driverfix/keyring"
	"example.com/driverfix/keys"
	"example.com/driverfix/model"
	"example.com/driverfix/vault"
)

var a = s3.New(s3.Options{Region: "eu-west-1", Credentials: vault.Default().(aws.CredentialsProvider)}) // globalclient, from vault's facts

var b = s3.New(s3.Options{Region: "eu-west-1", Credentials: vault.Shared.(aws.CredentialsProvider)}) // globalclient, from vault's facts

// Put stores an object in one bucket.
func Put(ctx context.Context, bucket model.Bucket, key string) error {
	_, err := a.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String(string(bucket)), Key: aws.String(key)})
	return err
}

// PutLog stores a log: keys.Logs's model.Bucket is Put's.
func PutLog(ctx context.Context, key string) error { return Put(ctx, keys.Logs(), key) }

// Owner is vault's Account, through keyring (from export data): one type.
var Owner vault.Account = keyring.Owner()
