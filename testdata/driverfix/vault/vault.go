// Package vault reads the deployment's keys; it imports no SDK.
package vault

import "os"

// Source gives access keys.
type Source interface{ Keys() (id, secret string) }

type envKeys struct{}

func (envKeys) Keys() (string, string) {
	return os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")
}

// FromEnv returns the keys exported by the deploy script (a constructor of
// static keys in .credlint.toml).
func FromEnv() Source { return envKeys{} }

// Default is the deployment's key source.
func Default() Source { return FromEnv() }

// Shared is the process's key source.
var Shared = FromEnv()

// Account names the keys' owner.
type Account struct{ Name string }
