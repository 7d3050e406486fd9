package tests

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
)

func TestX(t *testing.T) { _ = config.WithRetryMaxAttempts(1) }
