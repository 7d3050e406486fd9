// Package containers holds clients in package-level maps, slices and
// arrays: each element lives as long as the process.
package containers

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func static(region string) *s3.Client {
	return s3.NewFromConfig(aws.Config{Region: region, Credentials: credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))})
}

func refreshing(region string) *s3.Client {
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithRegion(region))
	if err != nil {
		panic(err)
	}
	return s3.NewFromConfig(cfg)
}

// Map keys are rendered as credflow renders source: string literals masked.
var byRegion = map[string]*s3.Client{ // want `globalclient: byRegion\["\*\*\*\*"\] \(\*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/containers/containers\.go:\d+ via static`
	"us-east-1": refreshing("us-east-1"),
	"eu-west-1": static("eu-west-1"),
}

var replicas []*s3.Client // want `globalclient: replicas\[…\] \(\*s3\.Client\) is process-wide \(set in init\) on env keys from src/globalclient/containers/containers\.go:\d+ via static`

var pool [2]*s3.Client // want `globalclient: pool\[1\] \(\*s3\.Client\) is process-wide \(set in setupPool, called from init\) on env keys from src/globalclient/containers/containers\.go:\d+ via static`

// Registry holds the clients of each tenant.
type Registry struct {
	clients map[string]*s3.Client
}

var reg = Registry{clients: map[string]*s3.Client{}} // want `globalclient: reg\.clients\[name\] \(\*s3\.Client\) is process-wide \(set in register, called from init\) on env keys from src/globalclient/containers/containers\.go:\d+ via static`

func init() {
	replicas = append(replicas, refreshing("us-east-1"), static("eu-west-1"))
	register("acme")
	setupPool()
}

func register(name string) {
	reg.clients[name] = static("us-east-1")
}

func setupPool() {
	pool[0] = refreshing("us-east-1")
	pool[1] = static("us-east-1")
}

// Quiet below.

// Refreshing clients in a package-level map.
var good = map[string]*s3.Client{"us-east-1": refreshing("us-east-1")}

// A cache filled by request handlers is not set once at start-up.
var cache = map[string]*s3.Client{}

func handler(region string) *s3.Client {
	if c, ok := cache[region]; ok {
		return c
	}
	cache[region] = static(region)
	return cache[region]
}

// Maps of other things.
var buckets = map[string]string{"eu": os.Getenv("BUCKET")}

var _ = good
var _ = handler
var _ = buckets
