package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

// ShareLink returns a download link for a job's result that customers can
// use "all day". It is signed with the task role's temporary credentials,
// so it dies with their session, possibly minutes later: presignttl
// reports it.
func (s *Store) ShareLink(ctx context.Context, id string) (string, error) {
	pc := s3.NewPresignClient(s.client)
	req, err := pc.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.bucket),
		Key:    aws.String("results/" + id),
	}, s3.WithPresignExpires(24*time.Hour))
	if err != nil {
		return "", fmt.Errorf("presign %s: %w", id, err)
	}
	return req.URL, nil
}

// PreviewLink returns a short-lived link, presigned again on every request:
// the clean way.
func (s *Store) PreviewLink(ctx context.Context, id string) (string, error) {
	pc := s3.NewPresignClient(s.client)
	req, err := pc.PresignGetObject(ctx, &s3.GetObjectInput{
		Bucket: aws.String(s.bucket),
		Key:    aws.String("results/" + id),
	}, s3.WithPresignExpires(10*time.Minute))
	if err != nil {
		return "", fmt.Errorf("presign %s: %w", id, err)
	}
	return req.URL, nil
}
