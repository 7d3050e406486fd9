// Package noretry defines the noretry rule: SDK settings that turn retries
// off, the SDKs' recovery path when ECS task-role credentials are rotated.
//
// # Analyzer noretry
//
// noretry: report AWS SDK settings (any service client, minio-go) that turn retries off (a single attempt)
//
// Retries are how the SDKs ride out transient failures, and in aws-sdk-go
// (v1) they are also how credentials are refreshed after ExpiredToken:
// corehandlers.AfterRetryHandler calls Credentials.Expire() only when the
// request will be retried. With retries off, a v1 client on ECS fails every
// request with ExpiredToken instead of fetching the task role's new
// credentials; in aws-sdk-go-v2 a single attempt turns every 5xx, throttle
// or hiccup of the ECS credential endpoint into a failed request, and
// config.WithRetryer also replaces the retryer of the ECS credential client.
//
//	cfg, _ := config.LoadDefaultConfig(ctx, config.WithRetryMaxAttempts(1)) // reported
//	sess := session.Must(session.NewSession(&aws.Config{MaxRetries: aws.Int(0)})) // reported
//	mc, _ := minio.New(endpoint, &minio.Options{Creds: creds, MaxRetries: 1}) // reported
//
// The knobs, with each SDK's own meaning of their values
// (docs/sdk-behaviour.md: v2-retries, v1-retries, minio-retries): v2 aws.NopRetryer, RetryMaxAttempts of the Options of any service
// client (s3.Options, sqs.Options, ...), aws.Config and
// config.LoadOptions, config.WithRetryMaxAttempts, retry.AddWithMaxAttempts,
// retry.StandardOptions.MaxAttempts (0 means the default, 3 attempts, and
// is never reported; negative means no cap); v1 aws.Config.MaxRetries and
// WithMaxRetries (retries after the first attempt: 0 is off),
// client.DefaultRetryer.NumMaxRetries (omitted means 0), client.NoOpRetryer,
// request.WithRetryer(cfg, nil); minio Options.MaxRetries (attempts: 1 is
// off, 0 the default 10) and the package default minio.MaxRetry. Values are
// constant-folded; values that are not constants are not reported. Only the
// SDKs' own types count: a field of the user's own struct named MaxRetries
// is not a knob. A v2 knob in an option that is only applied to single
// operations whose request body cannot seek (io.NopCloser(r), ...) is not
// reported: the SDK cannot rewind such a body, so it never retries them.
//
// A function whose return value disables retries carries a fact, so that
// using it from another package (config.WithRetryer(awsx.NoRetries)) is
// reported there too. Option noretry.min-attempts = N reports settings
// that allow fewer than N attempts.
package noretry
