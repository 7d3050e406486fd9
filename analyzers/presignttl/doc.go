// Package presignttl defines the presignttl rule: presigned S3 URLs whose
// stated expiry outlives the temporary credentials that signed them.
//
// # Analyzer presignttl
//
// presignttl: report presigned URLs whose expiry outlives the temporary credentials that sign them
//
// A presigned URL embeds the signer's session token. With temporary
// credentials, S3 ends the URL's validity when the session ends, whatever
// expiry the URL states (S3 User Guide, "Download and upload objects with
// presigned URLs"). On ECS the default chain hands out task-role credentials
// that may be as little as five minutes from their expiry (the config's
// 5-minute refresh window, docs/sdk-behaviour.md: v2-ecs-window, v2-presign), so a URL presigned for 12
// hours can stop working after minutes, and customers' download links break
// at random.
//
//	pc := s3.NewPresignClient(s3.NewFromConfig(cfg))             // cfg: LoadDefaultConfig
//	req, err := pc.PresignGetObject(ctx, in, s3.WithPresignExpires(12*time.Hour)) // reported
//
//	u, err := mc.PresignedGetObject(ctx, bucket, key, 24*time.Hour, nil) // reported (minio on NewIAM)
//
// The expiry forms: v2 s3.WithPresignExpires(d), s3.PresignOptions{Expires:
// d} and o.Expires = d in a presign option; v1 req.Presign(d) and
// req.PresignRequest(d); minio PresignedGetObject, PresignedPutObject,
// PresignedHeadObject, Presign and PresignHeader. The duration must be a
// constant longer than presignttl.presign-max (default 1h). The signing
// client's credentials come from passes/credflow: reported when they are
// (or may be) temporary — the default chain, a refreshing provider, static
// credentials with a session token, or credentials credlint cannot see;
// not reported for static long-term keys without a session token (reported
// by staticcreds instead) and anonymous clients.
package presignttl
