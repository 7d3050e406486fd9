// Package bootstrap imports no SDK: it exports secrets from a vault into
// the process environment before the service builds its clients in
// another package, and hands them to a child process. Both are reported
// although no SDK is in sight.
package bootstrap

import (
	"os"
	"os/exec"
)

// Secrets come from a secret store at start-up.
type Secrets struct {
	AccessKeyID     string
	SecretAccessKey string
	SessionToken    string
}

// Export puts the secrets into the environment for the SDK to find.
func Export(s Secrets) error {
	if err := os.Setenv("AWS_ACCESS_KEY_ID", s.AccessKeyID); err != nil { // want `staticcreds: os\.Setenv\("AWS_ACCESS_KEY_ID", \.\.\.\) puts AWS keys in the process environment`
		return err
	}
	if err := os.Setenv("AWS_SESSION_TOKEN", s.SessionToken); err != nil { // related
		return err
	}
	return os.Setenv("AWS_REGION", "eu-west-1")
}

// Backup runs a tool with the secrets in its environment.
func Backup(s Secrets) error {
	cmd := exec.Command("restic", "backup", "/data")
	cmd.Env = append(os.Environ(), "AWS_SECRET_ACCESS_KEY="+s.SecretAccessKey) // want `staticcreds: AWS_SECRET_ACCESS_KEY=… in a child's env: keys from configuration \(s\.SecretAccessKey\)`
	return cmd.Run()
}
