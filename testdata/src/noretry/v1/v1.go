// Package v1 holds noretry cases for aws-sdk-go (v1).
package v1

import (
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/client"
	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/s3"
)

const noRetries = 0

func sessions(n int) {
	sess := session.Must(session.NewSession(&aws.Config{MaxRetries: aws.Int(0)}))   // want `noretry: aws\.Config\.MaxRetries = 0 disables retries: v1 refreshes credentials after ExpiredToken only on a retry; leave MaxRetries unset \(3 retries\)$`
	_ = s3.New(sess, aws.NewConfig().WithMaxRetries(0))                             // want `noretry: aws\.Config\.WithMaxRetries = 0 disables retries: .*; leave MaxRetries unset \(3 retries\)$`
	_ = s3.New(sess, aws.NewConfig().WithMaxRetries(noRetries))                     // want `noretry: aws.Config.WithMaxRetries = 0`
	_ = s3.New(sess, &aws.Config{Retryer: client.NoOpRetryer{}})                    // want `noretry: client\.NoOpRetryer disables retries: .*; drop it for the DefaultRetryer \(3 retries\)$`
	_ = s3.New(sess, &aws.Config{Retryer: client.DefaultRetryer{NumMaxRetries: 0}}) // want `noretry: client.DefaultRetryer.NumMaxRetries = 0 .*; set NumMaxRetries to client\.DefaultRetryerMaxNumRetries \(3\)$`
	_ = s3.New(sess, &aws.Config{Retryer: client.DefaultRetryer{}})                 // want `noretry: client\.DefaultRetryer without NumMaxRetries disables retries: .*; set NumMaxRetries to client\.DefaultRetryerMaxNumRetries \(3\)$`
	_ = s3.New(sess, request.WithRetryer(aws.NewConfig(), nil))                     // want `noretry: request\.WithRetryer\(cfg, nil\) disables retries: .*; drop it: an unset Retryer makes 3 retries$`

	cfg := aws.NewConfig()
	cfg.MaxRetries = aws.Int(0) // want `noretry: aws.Config.MaxRetries = 0`

	// Negatives: -1 and nil mean the default (3 retries); 1 retry is 2 attempts.
	_ = s3.New(sess, &aws.Config{MaxRetries: aws.Int(aws.UseServiceDefaultRetries)})
	_ = s3.New(sess, &aws.Config{MaxRetries: aws.Int(1)})
	_ = s3.New(sess, aws.NewConfig().WithMaxRetries(n))
	_ = s3.New(sess, &aws.Config{Retryer: client.DefaultRetryer{NumMaxRetries: 5}})
	_ = s3.New(sess, request.WithRetryer(aws.NewConfig(), client.DefaultRetryer{NumMaxRetries: 3}))
}
