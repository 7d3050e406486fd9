// Package globalclient defines the globalclient rule: AWS clients (S3, SQS,
// DynamoDB, ... any service) that live
// as long as the process on credentials that cannot refresh.
//
// # Analyzer globalclient
//
// globalclient: report process-lifetime AWS clients (package-level variables) whose credentials cannot refresh
//
// A package-level client is Go's normal idiom, and on ECS it is safe as
// long as its credentials refresh: the default chain (config.LoadDefaultConfig,
// session.NewSession() without credentials, minio credentials.NewIAM(""))
// fetches new task-role credentials before the old ones expire. What breaks
// a service after hours is the combination of a client that lives as long
// as the process with credentials that cannot refresh: static keys, keys
// read once from the environment, or a snapshot of refreshing credentials.
//
//	var s3Client = awsx.NewS3() // reported when awsx.NewS3 builds its client on static credentials
//
//	var client *s3.Client
//	func main() {
//		cfg, _ := config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(id, secret, token)))
//		client = s3.NewFromConfig(cfg) // client is reported (at its declaration)
//	}
//
// Reported at the identifier of a package-level variable that holds a v2
// service client of any service (*sqs.Client, *dynamodb.Client, ...),
// *s3.Client, *s3.PresignClient, manager.Uploader or Downloader,
// *transfermanager.Client or aws.Config; a v1 service client of any
// service (*sqs.SQS, *s3.S3, ...) or its <Name>API interface,
// s3manager.Uploader, Downloader or BatchDelete, *session.Session or
// *aws.Config; a *minio.Client; a struct (or pointer to one) with a field
// holding one; a map, slice or array of them (each element set at the
// declaration, by m[k] = ... or by s = append(s, ...) is checked); a
// sync.OnceValue(s) function returning one; or the result of
// a function named in globalclient.constructors — when it is set for the
// whole process (at its declaration, in init, in a sync.Once.Do or
// sync.OnceValue(s) function, or in main directly or through a function
// main calls) and passes/credflow says its credentials are static, with
// any provenance, through locals, struct fields, functional options,
// helpers and other packages (facts). The message names the variable,
// how it lives for the process, and where its credentials come from. A
// global built from another reported global on the same credentials (a
// client from a package-level session or config) is a related position of
// that finding, which stays on the first global of the chain.
//
// An exported function or method that sets its package's globals on such
// credentials (storage.Init) exports a SetsGlobals fact; when another package's
// start-up code calls it, the finding is at that call.
//
// Not reported: clients on the default chain or any refreshing provider,
// anonymous clients, local variables, fields of per-request values, and
// globals assigned only in request handlers or other code that is not run
// once at start-up. With globalclient.strict = true, every process-lifetime
// AWS client is reported, whatever its credentials.
package globalclient
