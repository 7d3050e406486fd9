// Package minio holds norefresh cases for minio-go providers of one's own.
package minio

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

type brokerResponse struct {
	Key, Secret, Token string
	Expiration         time.Time
}

// broker fetches temporary keys and says they never expire: reported.
type broker struct{ url string }

func (b *broker) RetrieveWithCredContext(cc *credentials.CredContext) (credentials.Value, error) {
	resp, err := http.Get(b.url)
	if err != nil {
		return credentials.Value{}, err
	}
	defer resp.Body.Close()
	var r brokerResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return credentials.Value{}, err
	}
	return credentials.Value{AccessKeyID: r.Key, SecretAccessKey: r.Secret, SessionToken: r.Token}, nil
}

func (b *broker) Retrieve() (credentials.Value, error) { return b.RetrieveWithCredContext(nil) }

func (b *broker) IsExpired() bool { return false } // want `norefresh: IsExpired is always false but RetrieveWithCredContext returns a session token \(r\.Token\): minio-go caches it until calls fail with ExpiredToken; embed credentials\.Expiry and call SetExpiration`

// brokerExpiry embeds credentials.Expiry and sets it: quiet.
type brokerExpiry struct {
	credentials.Expiry
	url string
}

func (b *brokerExpiry) RetrieveWithCredContext(cc *credentials.CredContext) (credentials.Value, error) {
	resp, err := http.Get(b.url)
	if err != nil {
		return credentials.Value{}, err
	}
	defer resp.Body.Close()
	var r brokerResponse
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return credentials.Value{}, err
	}
	b.SetExpiration(r.Expiration, -1)
	return credentials.Value{AccessKeyID: r.Key, SecretAccessKey: r.Secret, SessionToken: r.Token}, nil
}

func (b *brokerExpiry) Retrieve() (credentials.Value, error) { return b.RetrieveWithCredContext(nil) }

// fixedKeys returns an access key and secret only: quiet.
type fixedKeys struct{ key, secret string }

func (f fixedKeys) RetrieveWithCredContext(*credentials.CredContext) (credentials.Value, error) {
	return credentials.Value{AccessKeyID: f.key, SecretAccessKey: f.secret, SignerType: credentials.SignatureV4}, nil
}

func (f fixedKeys) Retrieve() (credentials.Value, error) { return f.RetrieveWithCredContext(nil) }

func (f fixedKeys) IsExpired() bool { return false }

func clients() {
	_, _ = minio.New("s3.amazonaws.com", &minio.Options{Creds: credentials.New(&broker{})})
	_, _ = minio.New("s3.amazonaws.com", &minio.Options{Creds: credentials.New(&brokerExpiry{})})
	_, _ = minio.New("s3.amazonaws.com", &minio.Options{Creds: credentials.New(fixedKeys{})})
}
