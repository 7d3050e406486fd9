// Package config names its own classifiers in .credlint.toml
// (expiryerr.classifiers): passing the error to one counts as classifying
// it.
package config

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// expired asks another system; named in the config.
func expired(err error) bool { return err != nil && os.Getenv("EXPIRED") != "" }

// Policy decides about errors; Policy.Check is named in the config.
type Policy struct{}

// Check is a classifier by configuration.
func (Policy) Check(err error) bool { return err != nil }

func notNamed(err error) bool { return err != nil }

func workers(ctx context.Context, client *s3.Client, p Policy) {
	go func() {
		for range time.Tick(time.Minute) {
			if _, err := client.PutObject(ctx, &s3.PutObjectInput{}); err != nil {
				if expired(err) {
					os.Exit(1)
				}
				log.Print(err)
			}
		}
	}()
	go func() {
		for range time.Tick(time.Minute) {
			if _, err := client.PutObject(ctx, &s3.PutObjectInput{}); err != nil && !p.Check(err) {
				log.Print(err)
			}
		}
	}()
	for range time.Tick(time.Minute) {
		if _, err := client.PutObject(ctx, &s3.PutObjectInput{}); err != nil { // want `expiryerr: s3\.Client\.PutObject fails forever in this loop \(for range time\.Tick\(time\.Minute\)\)`
			if notNamed(err) {
				log.Print(err)
			}
		}
	}
}
