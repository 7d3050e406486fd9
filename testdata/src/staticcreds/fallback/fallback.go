// Package fallback builds an environment provider on the path where the
// code has just found the environment keys missing: it holds no keys (a
// fallback to anonymous access). Quiet when the guard is a direct check of
// the same variables in the enclosing if/else; reported otherwise.
package fallback

import (
	"os"

	credsv1 "github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// anonymousWhenUnset: keys from the configuration, else the environment
// provider that finds nothing and signs anonymously.
func anonymousWhenUnset(endpoint, key, secret string) (*minio.Client, error) {
	var creds *credentials.Credentials
	if os.Getenv("AWS_ACCESS_KEY_ID") == "" || os.Getenv("AWS_SECRET_ACCESS_KEY") == "" {
		creds = credentials.NewEnvAWS()
	} else {
		creds = credentials.NewStaticV4(key, secret, "") // want `staticcreds: credentials\.NewStaticV4 builds static keys from config \(parameter key, parameter secret\)`
	}
	return minio.New(endpoint, &minio.Options{Creds: creds})
}

// elseBranch: the else of a non-empty check.
func elseBranch() *credsv1.Credentials {
	id, ok := os.LookupEnv("AWS_ACCESS_KEY_ID")
	if ok && id != "" {
		return credsv1.NewCredentials(&credsv1.SharedCredentialsProvider{}) // want `^staticcreds: credsv1.SharedCredentialsProvider\{\} reads the shared credentials file once`
	} else {
		return credsv1.NewEnvCredentials()
	}
}

// earlyReturn: not an if/else of the construction. Reported.
func earlyReturn() *credsv1.Credentials {
	if os.Getenv("AWS_ACCESS_KEY_ID") != "" {
		return credsv1.NewCredentials(&credsv1.SharedCredentialsProvider{}) // want `^staticcreds: credsv1.SharedCredentialsProvider\{\} reads`
	}
	return credsv1.NewEnvCredentials() // want `staticcreds: credentials\.NewEnvCredentials reads AWS_ACCESS_KEY_ID, … once`
}

// presentBranch: the keys are there, the provider holds them. Reported.
func presentBranch() *credsv1.Credentials {
	if os.Getenv("AWS_ACCESS_KEY_ID") != "" {
		return credsv1.NewEnvCredentials() // want `staticcreds: credentials\.NewEnvCredentials reads AWS_ACCESS_KEY_ID, … once`
	}
	return credsv1.AnonymousCredentials
}

// otherVariable: the guard checks something else. Reported.
func otherVariable() *credentials.Credentials {
	if os.Getenv("S3_ANONYMOUS") == "" {
		return credentials.NewEnvAWS() // want `staticcreds: credentials\.NewEnvAWS reads AWS_ACCESS_KEY_ID, … once`
	}
	return credentials.NewStaticV4("", "", "")
}

// tokenOnly: a missing session token still leaves keys. Reported.
func tokenOnly() *credentials.Credentials {
	if os.Getenv("AWS_SESSION_TOKEN") == "" {
		return credentials.NewEnvAWS() // want `staticcreds: credentials\.NewEnvAWS reads AWS_ACCESS_KEY_ID, … once`
	}
	return nil
}
