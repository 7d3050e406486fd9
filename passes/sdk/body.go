package sdk

import (
	"go/ast"
	"go/types"

	"github.com/credlint/credlint/passes/astq"
)

// Request bodies that the v2 retry middleware cannot rewind.
//
// Before every attempt after the first, the v2 retry middleware rewinds the
// request stream and fails the request if it cannot
// (github.com/aws/aws-sdk-go-v2@v1.48.0/aws/retry/middleware.go:218-226,
// "failed to rewind transport stream for retry"); smithy-go's
// Request.RewindStream fails for every stream that is not an io.Seeker
// (github.com/aws/smithy-go@v1.28.9/transport/http/request.go:94-105,
// "request stream is not seekable"). An operation whose input body cannot
// seek therefore gets a single attempt whatever its retry settings say.

// requestBodyFields are the v2 S3 input fields that hold a request body
// streamed to S3.
var requestBodyFields = map[Symbol]bool{
	{V2S3, "PutObjectInput", "Body"}:              true,
	{V2S3, "UploadPartInput", "Body"}:             true,
	{V2S3, "WriteGetObjectResponseInput", "Body"}: true,
}

// RequestBodyField reports whether field (Recv = declaring struct) holds the
// streamed body of a v2 S3 request.
func RequestBodyField(field Symbol) bool { return requestBodyFields[field] }

// nonSeekingReaders are standard library functions whose result never
// implements io.Seeker, although their declared result is an interface
// (io.NopCloser returns a nopCloser or nopCloserWriterTo, io.MultiReader a
// *multiReader, io.TeeReader a *teeReader, io.LimitReader a *LimitedReader).
var nonSeekingReaders = map[Symbol]bool{
	{"io", "", "NopCloser"}:   true,
	{"io", "", "MultiReader"}: true,
	{"io", "", "TeeReader"}:   true,
	{"io", "", "LimitReader"}: true,
}

// NonSeekable reports whether the value of e can never implement io.Seeker:
// a call of a standard library wrapper that hides Seek (io.NopCloser, ...),
// or a value of a concrete (non-interface) type without a Seek method. A
// value of an interface type may hold a seekable stream and is not
// reported; nil is no stream at all.
func NonSeekable(info *types.Info, e ast.Expr) bool {
	e = ast.Unparen(e)
	if info == nil || e == nil || astq.IsNil(info, e) {
		return false
	}
	if call, ok := e.(*ast.CallExpr); ok && nonSeekingReaders[CalleeSymbol(info, call)] {
		return true
	}
	t := info.TypeOf(e)
	if t == nil || types.IsInterface(t) {
		return false
	}
	if _, basic := t.Underlying().(*types.Basic); basic {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "Seek")
	_, isMethod := obj.(*types.Func)
	return !isMethod
}
