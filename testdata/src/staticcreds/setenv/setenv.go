// Package setenv puts AWS credentials in the process environment.
package setenv

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
)

func export(ctx context.Context, key, secret, token string) error {
	_ = os.Unsetenv("AWS_ACCESS_KEY_ID")
	_ = os.Setenv("AWS_ACCESS_KEY_ID", key)        // want `staticcreds: os\.Setenv\("AWS_ACCESS_KEY_ID", \.\.\.\) puts AWS keys in the process environment`
	_ = os.Setenv("AWS_SECRET_ACCESS_KEY", secret) // related
	return os.Setenv("AWS_SESSION_TOKEN", token)   // related
}

// exportSnapshot hands a snapshot of the default chain to child processes
// and to every client built afterwards.
func exportSnapshot(ctx context.Context) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	v, err := cfg.Credentials.Retrieve(ctx)
	if err != nil {
		return err
	}
	os.Setenv("AWS_ACCESS_KEY_ID", v.AccessKeyID) // want `staticcreds: os\.Setenv\("AWS_ACCESS_KEY_ID", \.\.\.\) exports a snapshot \(cfg\.Credentials\.Retrieve\(ctx\) at src/staticcreds/setenv/setenv\.go:\d+\): they override the ECS task role and expire; use the task role`
	return nil
}
