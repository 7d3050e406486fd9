// Package messages checks how provenance is rendered: a variable name
// built at run time is shown as built, and the names of fields and query
// parameters are not masked (only secret values are).
package messages

import (
	"net/url"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// prefixed reads PREFIX_AWS_ACCESS_KEY_ID and friends.
func prefixed(prefix string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv(prefix+"AWS_ACCESS_KEY_ID"), os.Getenv(prefix+"AWS_SECRET_ACCESS_KEY"), "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from prefix \+ "AWS_ACCESS_KEY_ID", …: they bypass the ECS task role, never refresh; use the default chain`
}

// fromURL takes the keys from query parameters of a connection URL.
func fromURL(u *url.URL) aws.CredentialsProvider {
	q := u.Query()
	return credentials.NewStaticCredentialsProvider(q.Get("aws_access_key_id"), q.Get("aws_secret_access_key"), "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(parameter u\)`
}

// fromMap takes them from a map of settings.
func fromMap(m map[string]string) aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(m["access-key"], m["secret-key"], "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from config \(m\["access-key"\], m\["secret-key"\]\)`
}

// literal secrets stay masked.
func literal() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider("my_access_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "") // want `staticcreds: credentials\.NewStaticCredentialsProvider builds static keys from literals \(\*\*\*\*\)`
}
