// Package model holds the bucket names; it imports nothing of note.
package model

// Bucket is a bucket's name.
type Bucket string
