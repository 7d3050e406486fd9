// Package keys names the buckets; it imports only model.
package keys

import "example.com/driverfix/model"

// Logs is the bucket of the logs.
func Logs() model.Bucket { return "logs" }
