// Package percall holds per-operation retry settings on v2 uploads whose
// body cannot seek: the SDK cannot rewind such a body, so it never retries
// them and a single attempt takes nothing away (the shapes of rclone's
// backend/s3 uploadSinglepartPutObject and backend/pikpak uploadByResumable).
// The same settings on a seekable or unknown body, on an operation without a
// body, or on a client are still reported.
package percall

import (
	"bufio"
	"bytes"
	"context"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

type fs struct{ c *s3.Client }

func callNoRetry(fn func() error) error { return fn() }

// rclone backend/s3: the input is a parameter whose Body is replaced by a
// non-seekable wrapper, the option is appended to a slice next to another
// option, and the call happens inside a closure.
func (f *fs) singlepart(ctx context.Context, req *s3.PutObjectInput, in io.Reader) error {
	req.Body = io.NopCloser(in)
	var options = []func(*s3.Options){}
	options = append(options, s3.WithAPIOptions())
	// Can't retry single part uploads as only have an io.Reader
	options = append(options, func(o *s3.Options) {
		o.RetryMaxAttempts = 1
	})
	return callNoRetry(func() error {
		_, err := f.c.PutObject(ctx, req, options...)
		return err
	})
}

// rclone backend/pikpak: the input is a literal with a non-seekable Body.
func pikpak(ctx context.Context, client *s3.Client, in io.Reader) error {
	req := &s3.PutObjectInput{
		Bucket: aws.String("b"),
		Key:    aws.String("k"),
		Body:   io.NopCloser(in),
	}
	var s3opts = []func(*s3.Options){}
	s3opts = append(s3opts, func(o *s3.Options) {
		o.RetryMaxAttempts = 1
	})
	_, err := client.PutObject(ctx, req, s3opts...)
	return err
}

// The option directly at the call, on a body of a concrete type without Seek.
func direct(ctx context.Context, client *s3.Client, r io.Reader) error {
	_, err := client.UploadPart(ctx, &s3.UploadPartInput{Body: bufio.NewReader(r)}, func(o *s3.Options) {
		o.RetryMaxAttempts = 1
	})
	return err
}

// A seekable body can be rewound: the SDK would retry it.
func seekable(ctx context.Context, client *s3.Client, b []byte) error {
	_, err := client.PutObject(ctx, &s3.PutObjectInput{Body: bytes.NewReader(b)}, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3\.Options\.RetryMaxAttempts = 1 disables retries`
	})
	return err
}

// An interface-typed body may hold a seekable stream.
func unknownBody(ctx context.Context, client *s3.Client, r io.Reader) error {
	_, err := client.PutObject(ctx, &s3.PutObjectInput{Body: r}, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3.Options.RetryMaxAttempts = 1`
	})
	return err
}

// An operation without a body is retried normally.
func noBody(ctx context.Context, client *s3.Client) error {
	_, err := client.GetObject(ctx, &s3.GetObjectInput{}, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3.Options.RetryMaxAttempts = 1`
	})
	return err
}

// The same option slice also reaches an operation that could retry.
func sharedSlice(ctx context.Context, client *s3.Client, in io.Reader) error {
	opts := []func(*s3.Options){}
	opts = append(opts, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3.Options.RetryMaxAttempts = 1`
	})
	if _, err := client.PutObject(ctx, &s3.PutObjectInput{Body: io.NopCloser(in)}, opts...); err != nil {
		return err
	}
	_, err := client.GetObject(ctx, &s3.GetObjectInput{}, opts...)
	return err
}

// The option slice escapes (returned): it may reach any operation.
func escapes(in io.Reader) []func(*s3.Options) {
	opts := []func(*s3.Options){}
	opts = append(opts, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3.Options.RetryMaxAttempts = 1`
	})
	return opts
}

// The Body is replaced by a seekable one on another path.
func mixedBodies(ctx context.Context, client *s3.Client, in io.Reader, b []byte, buffered bool) error {
	req := &s3.PutObjectInput{Body: io.NopCloser(in)}
	if buffered {
		req.Body = bytes.NewReader(b)
	}
	_, err := client.PutObject(ctx, req, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3.Options.RetryMaxAttempts = 1`
	})
	return err
}

// A client-wide setting is reported whatever its uploads carry.
func clientWide(ctx context.Context, cfg aws.Config, in io.Reader) error {
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.RetryMaxAttempts = 1 // want `noretry: s3.Options.RetryMaxAttempts = 1`
	})
	_, err := client.PutObject(ctx, &s3.PutObjectInput{Body: io.NopCloser(in)})
	return err
}
