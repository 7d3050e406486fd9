// Package secrets has literal keys everywhere a message could echo them:
// no diagnostic, JSON field or fix may contain one in full.
package secrets

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
)

const secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

func v2() *s3.Client {
	return s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEBYaDHVzZXItdG9rZW4tZXhhbXBsZQ")}) // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from literals \(AKIA…MPLE\)`
}

func v2Literal() aws.CredentialsProvider {
	return credentials.StaticCredentialsProvider{Value: aws.Credentials{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: secretKey}} // want `staticcreds: credentials\.StaticCredentialsProvider\{\.\.\.\} builds static keys from literals \(AKIA…MPLE\)`
}

func v2Func() aws.CredentialsProvider {
	return aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) { // want `staticcreds: aws\.CredentialsProviderFunc\(func\(\.\.\.\) \{\.\.\.\}\) builds static keys from literals \(AKIA…MPLE\)`
		return aws.Credentials{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}, nil
	})
}

func v1() *credsv1.Credentials {
	key := "AKIAIOSFODNN7EXAMPLE"
	return credsv1.NewStaticCredentials(key, secretKey, "") // want `staticcreds: credsv1\.NewStaticCredentials\(key, \.\.\.\) builds static keys from literals \(AKIA…MPLE\)`
}

func minio() *miniocreds.Credentials {
	return miniocreds.NewStaticV4(secretKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "") // want `staticcreds: miniocreds\.NewStaticV4\(secretKey, \.\.\.\) builds static keys from literals \(wJal…EKEY\)`
}

func setenv() {
	os.Setenv("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") // want `staticcreds: os\.Setenv\("AWS_SECRET_ACCESS_KEY", \.\.\.\) exports a literal secret`
	os.Setenv("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")                         // related
}
