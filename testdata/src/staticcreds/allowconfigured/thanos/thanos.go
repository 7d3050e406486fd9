// Package thanos mirrors thanos objstore providers/s3: keys from a YAML
// config struct, also filled from the environment by a test helper. With
// allow-configured-keys the production construction is configuration and
// stays quiet.
package thanos

import (
	"os"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Config is decoded from YAML.
type Config struct {
	Endpoint  string `yaml:"endpoint"`
	AccessKey string `yaml:"access_key"`
	SecretKey string `yaml:"secret_key"`
}

func configFromEnv() Config {
	return Config{Endpoint: os.Getenv("S3_ENDPOINT"), AccessKey: os.Getenv("S3_ACCESS_KEY"), SecretKey: os.Getenv("S3_SECRET_KEY")}
}

// NewTestBucket is the test helper that fills the config from the environment.
func NewTestBucket() (*minio.Client, error) { return New(configFromEnv()) }

// New builds the client from the configuration.
func New(c Config) (*minio.Client, error) {
	return minio.New(c.Endpoint, &minio.Options{Creds: credentials.NewStaticV4(c.AccessKey, c.SecretKey, "")})
}
