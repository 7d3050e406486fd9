// Package v1 has package-level aws-sdk-go (v1) clients of every type.
package v1

import (
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
	"github.com/aws/aws-sdk-go/service/s3/s3iface"
	"github.com/aws/aws-sdk-go/service/s3/s3manager"
)

var awsConfig = aws.NewConfig().WithRegion("eu-west-1").WithCredentials(credentials.NewEnvCredentials()) // want `globalclient: awsConfig \(\*aws\.Config\) is process-wide \(set at its declaration\) on env keys from src/globalclient/v1/v1\.go:\d+`

var sess = session.Must(session.NewSession(awsConfig)) // related

var svc = s3.New(sess) // related

var api s3iface.S3API = s3.New(session.Must(session.NewSession(&aws.Config{Credentials: credentials.NewStaticCredentials(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")}))) // want `globalclient: api \(\*s3\.S3\) is process-wide \(set at its declaration\) on env keys from src/globalclient/v1/v1\.go:\d+`

var uploader = s3manager.NewUploader(sess) // related

var downloader = s3manager.NewDownloaderWithClient(api) // related

// overridden: s3.New's own config replaces the session's credentials.
var overridden = s3.New(defaultSess, &aws.Config{Credentials: credentials.NewStaticCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")}) // want `globalclient: overridden \(\*s3\.S3\) is process-wide \(set at its declaration\) on literal keys from src/globalclient/v1/v1\.go:\d+`

// Quiet: session.Must(session.NewSession()) is the SDK's own idiom.

var defaultSess = session.Must(session.NewSession())

var defaultSvc = s3.New(defaultSess)

var defaultAPI s3iface.S3API = s3.New(session.Must(session.NewSession(&aws.Config{Region: aws.String("eu-west-1")})))

var defaultUploader = s3manager.NewUploader(defaultSess)

var defaultDownloader = s3manager.NewDownloaderWithClient(defaultAPI)

var defaultConfig = aws.NewConfig().WithRegion("eu-west-1")

var anonymous = s3.New(session.Must(session.NewSession(&aws.Config{Credentials: credentials.AnonymousCredentials})))
