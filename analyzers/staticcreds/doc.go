// Package staticcreds defines the staticcreds rule: AWS credentials built
// so that they never refresh.
//
// # Analyzer staticcreds
//
// staticcreds: report AWS credentials built so that they never refresh (static, environment, snapshot, shared file) and AWS keys set in the process environment
//
// On ECS the SDKs' default credential chains fetch the task role's
// temporary credentials from the container endpoint and refresh them
// before they expire. Credentials built by hand freeze whatever was true
// when they were built: a service works for hours, then every S3 call
// fails with ExpiredToken.
//
//	creds := credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN")) // reported
//	v, _ := cfg.Credentials.Retrieve(ctx)
//	mc, _ := minio.New(host, &minio.Options{Creds: credentials.NewStaticV4(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)}) // reported: a snapshot
//	os.Setenv("AWS_SESSION_TOKEN", token) // reported
//
// Reported at the constructing call or composite literal: v2
// credentials.NewStaticCredentialsProvider, credentials.StaticCredentialsProvider{},
// an aws.CredentialsProviderFunc that returns a fixed aws.Credentials; v1
// credentials.NewStaticCredentials, NewStaticCredentialsFromCreds,
// StaticProvider{}, NewEnvCredentials, EnvProvider{}, NewSharedCredentials,
// SharedCredentialsProvider{}; minio credentials.NewStaticV4, NewStaticV2,
// NewStatic, Static{}, NewEnvAWS, EnvAWS{}, NewEnvMinio, EnvMinio{},
// NewFileAWSCredentials, NewFileMinioClient; functions named in
// staticcreds.constructors; and os.Setenv of AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY or AWS_SESSION_TOKEN. Also reported, at the use: a
// snapshot kept beyond the function that took it (a struct field, a package
// variable, a sync.Once) and signed with (v2 v4.Signer.SignHTTP /
// PresignHTTP, minio signer.SignV4, ...) or returned from an exported
// function, and a snapshot used as the base keys of minio's
// STSAssumeRoleOptions; and AWS credential variables handed to another
// process or container (exec.Cmd.Env and os.ProcAttr.Env entries, ECS
// KeyValuePair environments of RunTask / StartTask overrides and task
// definitions). The os.Setenv calls of one key set (consecutive
// statements), the entries of one child environment and the pairs of one
// container environment are one finding, on the first, with the others as
// related positions. The message names where the
// keys come from (passes/credflow): a literal (masked, never printed), an
// environment variable, a one-time snapshot of refreshing credentials
// (Retrieve / Get, and where it was taken), the output of an STS call
// (temporary: AssumeRole, GetSessionToken, ...), the shared credentials
// file, or configuration (a parameter or config field).
//
// Not reported: anonymous credentials (aws.AnonymousCredentials, v1
// credentials.AnonymousCredentials, constant empty keys); the default
// chain and refreshing providers; an environment or shared-file provider
// in a chain that also holds a refreshing provider (the SDK's own default
// chain in miniature); a Retrieve or Get that only validates or logs
// credentials (only a snapshot that reaches a static constructor is);
// constructions inside the Retrieve method of a credentials provider of
// the user's own (a refresh adapter); literal access keys that cannot be
// AWS access key IDs ("test", "YOUR-ACCESSKEYID"), whatever the endpoint;
// credentials that reach only clients with a constant endpoint that is not
// AWS (http://localhost:9000, a LocalStack or R2 host) unless
// staticcreds.report-non-aws-endpoints is set; keys from configuration without a session token when
// staticcreds.allow-configured-keys is set (a session token means
// temporary credentials: still reported).
package staticcreds
