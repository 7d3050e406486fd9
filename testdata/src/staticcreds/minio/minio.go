// Package minio builds minio-go credentials of every provenance.
package minio

import (
	"net/http"
	"os"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

func fromEnv(endpoint string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{
		Creds:  credentials.NewStaticV4(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")), // want `staticcreds: credentials\.NewStaticV4 builds static keys from AWS_ACCESS_KEY_ID, …`
		Secure: true,
	})
}

func literalV2() *credentials.Credentials {
	return credentials.NewStaticV2("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "") // want `staticcreds: credentials\.NewStaticV2\("AKIA…MPLE", \.\.\.\) builds static keys from literals \(AKIA…MPLE\)`
}

// Config is an object store's configuration (thanos objstore shape).
type Config struct {
	Endpoint     string
	AccessKey    string
	SecretKey    string
	SessionToken string
}

func configured(cfg Config) *credentials.Credentials {
	return credentials.NewStatic(cfg.AccessKey, cfg.SecretKey, "", credentials.SignatureV4) // want `staticcreds: credentials\.NewStatic builds static keys from config \(cfg\.AccessKey, cfg\.SecretKey\)`
}

// thanosShape: static keys only when configured; otherwise a chain that
// ends in the ECS / EC2 role.
func thanosShape(config Config) (*minio.Client, error) {
	var chain []credentials.Provider
	wrap := func(p credentials.Provider) credentials.Provider { return p }
	if config.AccessKey != "" {
		chain = []credentials.Provider{wrap(&credentials.Static{ // want `staticcreds: credentials\.Static builds static keys from config \(config\.AccessKey, …\)`
			Value: credentials.Value{
				AccessKeyID:     config.AccessKey,
				SecretAccessKey: config.SecretKey,
				SessionToken:    config.SessionToken,
				SignerType:      credentials.SignatureV4,
			},
		})}
	} else {
		chain = []credentials.Provider{
			wrap(&credentials.EnvAWS{}),
			wrap(&credentials.FileAWSCredentials{}),
			wrap(&credentials.IAM{Client: &http.Client{Transport: http.DefaultTransport}}),
		}
	}
	return minio.New(config.Endpoint, &minio.Options{Creds: credentials.NewChainCredentials(chain)})
}

func envAWS() *credentials.Credentials {
	return credentials.NewEnvAWS() // want `staticcreds: credentials\.NewEnvAWS reads AWS_ACCESS_KEY_ID, … once`
}

func envMinio() *credentials.Credentials {
	return credentials.NewEnvMinio() // want `staticcreds: credentials\.NewEnvMinio reads MINIO_ROOT_USER, … once`
}

// envFirstChain has no refreshing provider after the environment one.
func envFirstChain() *credentials.Credentials {
	return credentials.NewChainCredentials([]credentials.Provider{&credentials.EnvAWS{}, &credentials.EnvMinio{}}) // want `staticcreds: credentials\.EnvAWS reads AWS_ACCESS_KEY_ID, … once` `staticcreds: credentials\.EnvMinio reads MINIO_ROOT_USER, … once`
}

// Quiet below.

func iam(endpoint string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{Creds: credentials.NewIAM(""), Secure: true})
}

func anonymous(endpoint string) (*minio.Client, error) {
	return minio.New(endpoint, &minio.Options{Creds: credentials.NewStaticV4("", "", "")})
}

func defaultLikeChain() *credentials.Credentials {
	return credentials.NewChainCredentials([]credentials.Provider{
		&credentials.EnvAWS{},
		&credentials.FileAWSCredentials{},
		&credentials.IAM{Client: &http.Client{Transport: http.DefaultTransport}},
	})
}

// snapshot copies minio's own IAM credentials once into a static provider.
func snapshot(endpoint string) (*minio.Client, error) {
	iam := credentials.NewIAM("")
	v, err := iam.Get()
	if err != nil {
		return nil, err
	}
	return minio.New(endpoint, &minio.Options{Creds: credentials.NewStaticV4(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)}) // want `staticcreds: credentials\.NewStaticV4\(v\.AccessKeyID, \.\.\.\) freezes a snapshot \(iam\.Get\(\) at src/staticcreds/minio/minio\.go:\d+\)`
}

// lookup reads the keys with os.LookupEnv.
func lookup() *credentials.Credentials {
	id, _ := os.LookupEnv("AWS_ACCESS_KEY_ID")
	secret, ok := os.LookupEnv("AWS_SECRET_ACCESS_KEY")
	if !ok {
		return credentials.NewIAM("")
	}
	return credentials.NewStaticV4(id, secret, "") // want `staticcreds: credentials\.NewStaticV4 builds static keys from AWS_ACCESS_KEY_ID, …`
}
