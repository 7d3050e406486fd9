// Package structs holds clients in fields of package-level structs.
package structs

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// App holds the service's dependencies.
type App struct {
	Bucket string
	S3     *s3.Client
}

var app = App{Bucket: "b", S3: s3.New(s3.Options{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")})} // want `globalclient: app \(holds a \*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/structs/structs\.go:\d+`

var deps *App // want `globalclient: deps\.S3 \(\*s3\.Client\) is process-wide \(set in init\) on env keys from src/globalclient/structs/structs\.go:\d+`

func init() {
	deps = &App{Bucket: "b"}
	deps.S3 = s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), "")})
}

// Server builds its client in a constructor.
type Server struct{ store *store }

type store struct{ client *s3.Client }

func newServer(key, secret string) *Server {
	c := s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider(key, secret, "")})
	return &Server{store: &store{client: c}}
}

var srv = newServer(os.Getenv("K"), os.Getenv("S")) // want `globalclient: srv \(holds a \*s3\.Client\) is process-wide \(set at its declaration\) on configured keys from src/globalclient/structs/structs\.go:\d+ via newServer`

// Quiet below.

var defaultApp = App{S3: s3.NewFromConfig(mustDefault())}

func mustDefault() aws.Config {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	return cfg
}

// perRequest builds a value with a client field for one request.
func perRequest(ctx context.Context, key, secret string) error {
	req := App{S3: s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider(key, secret, "")})}
	_, err := req.S3.ListBuckets(ctx, &s3.ListBucketsInput{})
	return err
}
