package sdk

import (
	"go/types"
)

// ClientKind says what a client type is.
type ClientKind int

// Kinds of client values.
const (
	ServiceClient ClientKind = iota + 1 // issues operations of an AWS service (S3, SQS, DynamoDB, ...)
	PresignClient                       // presigns S3 requests
	Transfer                            // uploader, downloader, transfer manager
	Session                             // v1 session: a credentials holder clients are built from
	Config                              // aws.Config: a credentials holder clients are built from
)

// ClientType describes a type whose values hold credentials and talk to
// an AWS service.
type ClientType struct {
	SDK  SDK
	Kind ClientKind
}

// clientTypes are the client types that are not service clients (see
// service.go for those, s3.Client and s3.S3 included).
var clientTypes = map[Symbol]ClientType{
	{V2Manager, "", "Uploader"}:       {V2, Transfer},
	{V2Manager, "", "Downloader"}:     {V2, Transfer},
	{V2TransferManager, "", "Client"}: {V2, Transfer},
	{V2Aws, "", "Config"}:             {V2, Config},
	{V1S3manager, "", "Uploader"}:     {V1, Transfer},
	{V1S3manager, "", "Downloader"}:   {V1, Transfer},
	{V1S3manager, "", "BatchDelete"}:  {V1, Transfer},
	{V1Session, "", "Session"}:        {V1, Session},
	{V1Aws, "", "Config"}:             {V1, Config},
	{MinioPkg, "", "Client"}:          {Minio, ServiceClient},
}

// ClientTypeOf reports whether t (or *t) is a service client (of any AWS
// service: S3, SQS, DynamoDB, ...), presign client, transfer, session or
// config type of an SDK.
func ClientTypeOf(t types.Type) (ClientType, bool) {
	if c, ok := clientTypes[TypeSymbol(t)]; ok {
		return c, true
	}
	return serviceClientType(t)
}

// Constructor describes a function that builds a client, session or config.
// CredArg is the index of the argument that carries credentials (a config,
// session, options struct or client), or -1.
type Constructor struct {
	SDK     SDK
	Kind    ClientKind
	CredArg int
	// Default is true for constructors that resolve the SDK's default
	// credential chain when no credentials are given.
	Default bool
}

var constructors = map[Symbol]Constructor{
	{V2Manager, "", "NewUploader"}:                {V2, Transfer, 0, false},
	{V2Manager, "", "NewDownloader"}:              {V2, Transfer, 0, false},
	{V2TransferManager, "", "New"}:                {V2, Transfer, 0, false},
	{V2Config, "", "LoadDefaultConfig"}:           {V2, Config, -1, true},
	{V1Session, "", "New"}:                        {V1, Session, -1, true},
	{V1Session, "", "NewSession"}:                 {V1, Session, -1, true},
	{V1Session, "", "NewSessionWithOptions"}:      {V1, Session, 0, true},
	{V1Session, "", "Must"}:                       {V1, Session, 0, false},
	{V1S3manager, "", "NewUploader"}:              {V1, Transfer, 0, false},
	{V1S3manager, "", "NewUploaderWithClient"}:    {V1, Transfer, 0, false},
	{V1S3manager, "", "NewDownloader"}:            {V1, Transfer, 0, false},
	{V1S3manager, "", "NewDownloaderWithClient"}:  {V1, Transfer, 0, false},
	{V1S3manager, "", "NewBatchDelete"}:           {V1, Transfer, 0, false},
	{V1S3manager, "", "NewBatchDeleteWithClient"}: {V1, Transfer, 0, false},
	{V1Aws, "", "NewConfig"}:                      {V1, Config, -1, false},
	{MinioPkg, "", "New"}:                         {Minio, ServiceClient, 1, false},
}

// ConstructorOf returns what the function sym constructs. Service client
// constructors (s3.New, sqs.NewFromConfig, v1 dynamodb.New, ...) are
// recognised by their shape (service.go).
func ConstructorOf(sym Symbol) (Constructor, bool) {
	if c, ok := constructors[sym]; ok {
		return c, true
	}
	return serviceConstructor(sym)
}
