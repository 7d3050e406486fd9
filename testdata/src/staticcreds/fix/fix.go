// Package fix has static providers built from exactly the variables the
// default chain reads: removing them is the fix.
package fix

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awsv1 "github.com/aws/aws-sdk-go/aws"
	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
)

func v2(ctx context.Context) (*s3.Client, error) {
	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion("eu-west-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))), // want `staticcreds: credentials.NewStaticCredentialsProvider`
	)
	if err != nil {
		return nil, err
	}
	return s3.NewFromConfig(cfg), nil
}

func v2OneLine(ctx context.Context) error {
	_, err := config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), ""))) // want `staticcreds: credentials.NewStaticCredentialsProvider`
	return err
}

func v1Env() *session.Session {
	return session.Must(session.NewSession(&awsv1.Config{Region: awsv1.String("eu-west-1"), Credentials: credsv1.NewEnvCredentials()})) // want `staticcreds: credentials\.NewEnvCredentials reads AWS_ACCESS_KEY_ID, … once`
}

func v1Static() *session.Session {
	return session.Must(session.NewSession(&awsv1.Config{
		Credentials: credsv1.NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")), // want `staticcreds: credentials\.NewStaticCredentials builds static keys from AWS_ACCESS_KEY_ID, …`
		Region:      awsv1.String("eu-west-1"),
	}))
}

// Not fixable: other variables, or not handed to the default chain.

func otherVariables(ctx context.Context) error {
	_, err := config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(os.Getenv("S3_ACCESS_KEY"), os.Getenv("S3_SECRET_KEY"), ""))) // want `staticcreds: credentials.NewStaticCredentialsProvider`
	return err
}

func notDefaultChain() *s3.Client {
	return s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")}) // want `staticcreds: credentials.NewStaticCredentialsProvider`
}
