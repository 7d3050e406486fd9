// Package bootstrapquiet imports no SDK and sets only AWS settings that
// are not credentials, or mentions a credential variable without setting
// it. Quiet.
package bootstrapquiet

import (
	"fmt"
	"os"
)

// Configure sets the region and profile for the SDK.
func Configure(region string) error {
	if err := os.Setenv("AWS_REGION", region); err != nil {
		return err
	}
	return os.Setenv("AWS_PROFILE", "service")
}

// Check reads, never sets, a credential variable.
func Check() error {
	if os.Getenv("AWS_ACCESS_KEY_ID") != "" {
		return fmt.Errorf("AWS_ACCESS_KEY_ID is set: remove it, the task role is used")
	}
	return nil
}
