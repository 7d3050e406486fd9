// Package placeholder uses literal keys that cannot be AWS keys ("test",
// "minioadmin") against fakes: an httptest server, a local endpoint.
// Nothing expires and nothing leaks: quiet. AWS-shaped literal keys
// (AKIA… + 16) are reported wherever they are.
package placeholder

import (
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/minio/minio-go/v7"
	miniocreds "github.com/minio/minio-go/v7/pkg/credentials"
)

// fakeS3 runs a fake S3 for a smoke check.
func fakeS3(h http.Handler) (*s3.Client, func()) {
	srv := httptest.NewServer(h)
	c := s3.New(s3.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
		UsePathStyle: true,
	})
	return c, srv.Close
}

// fakeMinio talks to an httptest server through its host name.
func fakeMinio(srv *httptest.Server) (*minio.Client, error) {
	return minio.New(strings.TrimPrefix(srv.URL, "http://"), &minio.Options{Creds: miniocreds.NewStaticV4("minioadmin", "minioadmin", "")})
}

// awsShapedOnLocalhost: a key that may be real is reported even against
// a local endpoint (a leaked secret).
func awsShapedOnLocalhost() (*minio.Client, error) {
	return minio.New("localhost:9000", &minio.Options{Creds: miniocreds.NewStaticV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")}) // want `staticcreds: miniocreds\.NewStaticV4\("AKIA…MPLE", \.\.\.\) builds static keys from literals \(AKIA…MPLE\)`
}

// placeholderOnConfiguredEndpoint: outside a test kit, an endpoint from a
// parameter may be AWS.
func placeholderOnConfiguredEndpoint(endpoint string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{Creds: miniocreds.NewStaticV4("YOUR-ACCESSKEYID", "YOUR-SECRETACCESSKEY", "")}) // want `staticcreds: miniocreds\.NewStaticV4\("YOUR…EYID", \.\.\.\) builds static keys from literals \(YOUR…EYID\)`
}
