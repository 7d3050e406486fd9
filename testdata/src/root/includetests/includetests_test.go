package includetests

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
)

func TestX(t *testing.T) {
	_ = config.WithRetryMaxAttempts(1) // want `noretry: config.WithRetryMaxAttempts = 1`
}
