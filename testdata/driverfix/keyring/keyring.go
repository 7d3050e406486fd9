// Package keyring imports vault and nothing that reads credentials: it is
// not in the source set, and its export data mentions vault.Account.
package keyring

import "example.com/driverfix/vault"

// Owner is the deployment's account.
func Owner() vault.Account { return vault.Account{Name: "deploy"} }
