package configured

import (
	"context"
	"testing"
)

// The test stores literal keys in the options: that does not change where
// the production code's keys come from (configuration).
func TestConnection(t *testing.T) {
	opt := &Options{}
	opt.AccessKeyID = "AKIAIOSFODNN7EXAMPLE"
	opt.SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
	cfg := S3Config{AccessKeyID: "AKIAIOSFODNN7EXAMPLE", SecretAccessKey: Secret{"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}
	_, _ = rcloneConnection(context.Background(), opt)
	_ = lokiOptions(cfg)
}
