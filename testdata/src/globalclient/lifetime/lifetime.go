// Command lifetime sets package-level clients in every process-lifetime
// way: at declaration, in init, in sync.Once.Do, in sync.OnceValue, in main
// and in a setup function main calls; and per request (quiet).
package main

import (
	"context"
	"net/http"
	"os"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func static() aws.CredentialsProvider {
	return credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))
}

func newClient(p aws.CredentialsProvider) *s3.Client {
	return s3.New(s3.Options{Region: "eu-west-1", Credentials: p})
}

var declared = newClient(static()) // want `globalclient: declared \(\*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/lifetime/lifetime\.go:\d+ via newClient`

var initialized *s3.Client // want `globalclient: initialized \(\*s3\.Client\) is process-wide \(set in init\) on env keys from src/globalclient/lifetime/lifetime\.go:\d+ via newClient`

func init() {
	initialized = newClient(static())
}

var (
	once   sync.Once
	onceDo *s3.Client // want `globalclient: onceDo \(\*s3\.Client\) is process-wide \(set in sync\.Once\.Do\) on env keys from src/globalclient/lifetime/lifetime\.go:\d+ via newClient`
)

func getOnceDo() *s3.Client {
	once.Do(func() { onceDo = newClient(static()) })
	return onceDo
}

var onceValue = sync.OnceValue(func() *s3.Client { // want `globalclient: onceValue \(holds a \*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/lifetime/lifetime\.go:\d+ via newClient`
	return newClient(static())
})

var onceValues = sync.OnceValues(func() (*s3.Client, error) { // want `globalclient: onceValues \(holds a \*s3\.Client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/lifetime/lifetime\.go:\d+ via newClient`
	return newClient(static()), nil
})

var fromMain *s3.Client // want `globalclient: fromMain \(\*s3\.Client\) is process-wide \(set in main\) on env keys from src/globalclient/lifetime/lifetime\.go:\d+ via newClient`

var fromSetup *s3.Client // want `globalclient: fromSetup \(\*s3\.Client\) is process-wide \(set in setup, called from main\) on configured keys from src/globalclient/lifetime/lifetime\.go:\d+`

func setup(key, secret string) {
	fromSetup = s3.NewFromConfig(aws.Config{Credentials: credentials.NewStaticCredentialsProvider(key, secret, "")})
}

func main() {
	fromMain = newClient(static())
	setup(os.Getenv("S3_KEY"), os.Getenv("S3_SECRET"))
	http.HandleFunc("/", handler)
	http.HandleFunc("/static", func(w http.ResponseWriter, r *http.Request) {
		perRequestStatic = newClient(static()) // a closure run per request: not process-lifetime
	})
	_ = http.ListenAndServe(":8080", nil)
}

// Quiet below.

var perRequest *s3.Client

var perRequestStatic *s3.Client

// handler reassigns the global from the default chain on each request.
func handler(w http.ResponseWriter, r *http.Request) {
	cfg, err := config.LoadDefaultConfig(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	perRequest = s3.NewFromConfig(cfg)
}

var defaultOnce = sync.OnceValue(func() *s3.Client {
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		panic(err)
	}
	return s3.NewFromConfig(cfg)
})
