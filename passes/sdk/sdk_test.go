package sdk

import (
	"go/types"
	"testing"
)

func TestVendoredPathsResolve(t *testing.T) {
	for path, want := range map[string]string{
		"github.com/aws/aws-sdk-go-v2/service/s3":                        V2S3,
		"example.com/app/vendor/github.com/aws/aws-sdk-go-v2/service/s3": V2S3,
		"vendor/github.com/minio/minio-go/v7":                            MinioPkg,
		"example.com/app/vendor/github.com/aws/aws-sdk-go/aws/session":   V1Session,
		"example.com/ibm-cos-sdk-go/aws":                                 "example.com/ibm-cos-sdk-go/aws",
	} {
		if got := PackagePath(types.NewPackage(path, "p")); got != want {
			t.Errorf("PackagePath(%q) = %q, want %q", path, got, want)
		}
	}
	if SDKOf("github.com/IBM/ibm-cos-sdk-go/aws") != None {
		t.Error("a fork of the SDK under another path is not the SDK")
	}
	if SDKOf("github.com/aws/aws-sdk-go-v2x/aws") != None || SDKOf("github.com/aws/aws-sdk-go/aws") != V1 {
		t.Error("SDKOf must match whole path elements")
	}
}

func TestSymbolString(t *testing.T) {
	for s, want := range map[Symbol]string{
		{MinioPkg, "", "MaxRetry"}:            "minio.MaxRetry",
		{V2S3, "Options", "RetryMaxAttempts"}: "s3.Options.RetryMaxAttempts",
		{V1Aws, "Config", "WithMaxRetries"}:   "aws.Config.WithMaxRetries",
		{MinioCredentials, "", "NewStaticV4"}: "credentials.NewStaticV4",
	} {
		if got := s.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", s, got, want)
		}
	}
}
