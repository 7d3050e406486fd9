// Package userctor calls constructors named in staticcreds.constructors.
package userctor

import (
	"os"

	"credlint.test/src/staticcreds/userctor/keys"
)

func use(v keys.Vault) {
	_ = keys.Static(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY")) // want `staticcreds: keys\.Static builds static keys from AWS_ACCESS_KEY_ID, …`
	_ = v.Keys("secret/s3")                                                             // want `staticcreds: v\.Keys\("\*\*\*\*"\) builds static keys`
}
