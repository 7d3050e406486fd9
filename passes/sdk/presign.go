package sdk

// argument index of a function or method, or a struct field (Arg -1).
type PresignExpiry struct {
	SDK SDK
	Arg int
	// Receiver is true for methods whose receiver is the presigning client
	// (minio) or request (v1).
	Receiver bool
}

var presignExpiries = map[Symbol]PresignExpiry{
	{V2S3, "", "WithPresignExpires"}:            {V2, 0, false},
	{V2S3, "PresignOptions", "Expires"}:         {V2, -1, false},
	{V1Request, "Request", "Presign"}:           {V1, 0, true},
	{V1Request, "Request", "PresignRequest"}:    {V1, 0, true},
	{MinioPkg, "Client", "PresignedGetObject"}:  {Minio, 3, true},
	{MinioPkg, "Client", "PresignedPutObject"}:  {Minio, 3, true},
	{MinioPkg, "Client", "PresignedHeadObject"}: {Minio, 3, true},
	{MinioPkg, "Client", "Presign"}:             {Minio, 4, true},
	{MinioPkg, "Client", "PresignHeader"}:       {Minio, 4, true},
}

// PresignExpiryOf reports whether sym (a function, method or field) sets
// how long a presigned URL is valid.
func PresignExpiryOf(sym Symbol) (PresignExpiry, bool) {
	p, ok := presignExpiries[sym]
	return p, ok
}

// NewPresignClient is v2 s3.NewPresignClient(client, optFns...).
var NewPresignClient = Symbol{V2S3, "", "NewPresignClient"}
