// Package expiryerr defines the expiryerr rule: expired-token errors of
// AWS operations (S3, SQS, DynamoDB, ... any service) that are discarded, matched by their text, misread on HEAD
// requests, or retried forever by a worker loop.
//
// # Analyzer expiryerr
//
// expiryerr: report AWS errors (S3, SQS, DynamoDB, ...) that hide an expired token: discarded, matched by text, misread on HEAD, or retried forever by a worker loop
//
// When the credentials of an ECS task expire, the error of the next
// request is the only signal. aws-sdk-go-v2 never invalidates its
// credential cache on ExpiredToken (retrying re-signs with the same dead
// credentials); aws-sdk-go (v1) expires its credentials on ExpiredToken
// only when it retries; minio-go retries ExpiredToken ten times with the
// same token. So the program must see the error, classify it by its code,
// and refresh or exit so that ECS replaces the task. The rule reports:
//
//	_, _ = client.PutObject(ctx, in)        // discarded: `_`, bare call, defer, go
//	strings.Contains(err.Error(), "ExpiredToken") // text instead of the code
//	_, err := client.HeadObject(ctx, in)
//	if errors.As(err, &ae) && ae.ErrorCode() == "ExpiredToken" // HEAD: it is "BadRequest"
//	for range ticker.C {
//		if _, err := client.PutObject(ctx, in); err != nil {
//			log.Print(err) // logs and continues forever
//		}
//	}
//
// Text matching is reported only on errors that come from an SDK call (in
// the same function, or through functions that return one: the
// ReturnsSDKError fact); "ExpiredToken" is also an error name of other
// protocols. A worker loop (for {}, for { select }, for range over a
// channel such as ticker.C) is reported when the error path of an
// operation (of any service: an SQS consumer around ReceiveMessage, a
// Kinesis GetRecords reader) in it never returns, exits or breaks out of the loop
// (break and continue read as Go reads them; a return only once the
// context is done is shutdown; a for {} that ends with the last page is
// finite), and the
// error is never classified (errors.As/Is/AsType, a type assertion or
// switch, an SDK classifier, or a function that classifies expiry codes:
// the IsClassifier fact, or one named in expiryerr.classifiers).
package expiryerr
