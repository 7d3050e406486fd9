// Package sdk is credlint's model of the three SDKs it understands:
// aws-sdk-go-v2, aws-sdk-go (v1) and minio-go v7.
//
// It answers questions about types.Objects, never about source text: which
// functions construct clients (of every AWS service: S3, SQS, DynamoDB, ...)
// or credentials, which types are clients, which struct fields and
// functions are retry knobs, which methods are operations and which symbols
// classify errors. Service clients are recognised by their shape
// (service.go); everything else is listed in table.go. Objects are identified by
// their package path (with any vendor prefix removed), receiver type name and
// name, so import aliases, dot imports, method values, function values and
// vendored copies of the SDKs all resolve to the same entry.
//
// Every SDK symbol credlint knows lives in this package. Rules and
// passes/credflow only ask this package questions; they never compare
// package paths or names themselves.
package sdk

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/credlint/credlint/passes/astq"
)

// SDK names one of the modelled SDKs.
type SDK int

// The modelled SDKs.
const (
	None  SDK = iota
	V2        // github.com/aws/aws-sdk-go-v2
	V1        // github.com/aws/aws-sdk-go
	Minio     // github.com/minio/minio-go/v7
)

func (s SDK) String() string {
	switch s {
	case V2:
		return "aws-sdk-go-v2"
	case V1:
		return "aws-sdk-go"
	case Minio:
		return "minio-go"
	}
	return "none"
}

// Symbol identifies a package-level object or a method of the SDKs.
// Recv is the receiver's (or, for struct fields, the owning struct's) type
// name without pointer; it is empty for functions, types and variables.
type Symbol struct {
	Path string
	Recv string
	Name string
}

func (s Symbol) String() string {
	pkg := displayName(s.Path)
	if s.Recv != "" {
		return pkg + "." + s.Recv + "." + s.Name
	}
	return pkg + "." + s.Name
}

// PackagePath returns the import path of pkg with any vendor prefix removed,
// so that a vendored SDK matches the table.
func PackagePath(pkg *types.Package) string {
	if pkg == nil {
		return ""
	}
	return unvendor(pkg.Path())
}

func unvendor(path string) string {
	// Most paths have no vendor element: strings.Index is vectorised, the
	// backward LastIndex is not (SymbolOf calls this for every symbol).
	if !strings.Contains(path, "vendor/") {
		return path
	}
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		return path[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(path, "vendor/")
}

// SymbolOf returns the Symbol of a package-level object or method.
// It returns the zero Symbol for local objects and fields.
func SymbolOf(obj types.Object) Symbol {
	if obj == nil || obj.Pkg() == nil {
		return Symbol{}
	}
	switch obj := obj.(type) {
	case *types.Func:
		if obj == nil {
			return Symbol{}
		}
		obj = obj.Origin()
		sig, _ := obj.Type().(*types.Signature)
		if sig != nil && sig.Recv() != nil {
			return Symbol{Path: PackagePath(obj.Pkg()), Recv: typeName(sig.Recv().Type()), Name: obj.Name()}
		}
		return Symbol{Path: PackagePath(obj.Pkg()), Name: obj.Name()}
	case *types.TypeName, *types.Var, *types.Const:
		if obj.Parent() == nil || obj.Parent() != obj.Pkg().Scope() {
			return Symbol{}
		}
		return Symbol{Path: PackagePath(obj.Pkg()), Name: obj.Name()}
	}
	return Symbol{}
}

// typeName returns the name of a (pointer to a) named or alias type, or "".
func typeName(t types.Type) string {
	if n := NamedOf(t); n != nil {
		return n.Obj().Name()
	}
	return ""
}

// NamedOf returns the named type of t, looking through one pointer and
// aliases, or nil.
func NamedOf(t types.Type) *types.Named {
	if t == nil {
		return nil
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	n, _ := t.(*types.Named)
	if n != nil {
		n = n.Origin()
	}
	return n
}

// TypeSymbol returns the Symbol of the named type of t (through one pointer),
// or the zero Symbol.
func TypeSymbol(t types.Type) Symbol {
	n := NamedOf(t)
	if n == nil {
		return Symbol{}
	}
	return SymbolOf(n.Obj())
}

// SDKOf reports which SDK a package path (vendor prefix removed) belongs to.
func SDKOf(path string) SDK {
	switch {
	case path == modV2 || strings.HasPrefix(path, modV2+"/") || path == modSmithy || strings.HasPrefix(path, modSmithy+"/"):
		return V2
	case path == modV1 || strings.HasPrefix(path, modV1+"/"):
		return V1
	case path == modMinio || strings.HasPrefix(path, modMinio+"/"):
		return Minio
	}
	return None
}

// IsSDKPath reports whether an import path (vendored or not) belongs to one
// of the SDKs. The standalone driver uses it to decide which packages can
// reach an SDK before anything is type-checked.
func IsSDKPath(path string) bool {
	return SDKOf(unvendor(path)) != None
}

// IsSDKPackage reports whether pkg is part of one of the SDKs themselves.
// credlint does not report inside the SDKs.
func IsSDKPackage(pkg *types.Package) bool {
	return SDKOf(PackagePath(pkg)) != None
}

// CalleeSymbol returns the Symbol of the function a call invokes, or the zero
// Symbol.
func CalleeSymbol(info *types.Info, call *ast.CallExpr) Symbol {
	if fn := astq.Callee(info, call); fn != nil {
		return SymbolOf(fn)
	}
	return Symbol{}
}

// IntArg returns the value of a constant integer expression (astq.IntConst),
// looking through the SDKs' pointer helpers (v1 and v2 aws.Int(0)).
func IntArg(info *types.Info, e ast.Expr) (int64, bool) {
	e = ast.Unparen(e)
	if v, ok := astq.IntConst(info, e); ok {
		return v, true
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
		if _, ok := intPointerHelpers[CalleeSymbol(info, call)]; ok {
			return IntArg(info, call.Args[0])
		}
	}
	return 0, false
}

// FieldOwner returns the named struct type that declares the field selected
// by sel, following embedded fields, or nil if sel does not select a field.
func FieldOwner(sel *types.Selection) *types.Named {
	if sel == nil || sel.Kind() != types.FieldVal {
		return nil
	}
	t := sel.Recv()
	idx := sel.Index()
	for i, fi := range idx {
		n := NamedOf(t)
		var st *types.Struct
		if n != nil {
			st, _ = n.Underlying().(*types.Struct)
		} else if p, ok := types.Unalias(t).(*types.Pointer); ok {
			st, _ = p.Elem().Underlying().(*types.Struct)
		} else {
			st, _ = t.Underlying().(*types.Struct)
		}
		if st == nil || fi >= st.NumFields() {
			return nil
		}
		if i == len(idx)-1 {
			return n
		}
		t = st.Field(fi).Type()
	}
	return nil
}

// FieldSymbol returns the Symbol of a struct field (Recv = declaring type),
// for a selector expression x.F that selects a field.
func FieldSymbol(info *types.Info, sel *ast.SelectorExpr) Symbol {
	owner := FieldOwner(info.Selections[sel])
	if owner == nil {
		return Symbol{}
	}
	return Symbol{Path: PackagePath(owner.Obj().Pkg()), Recv: owner.Obj().Name(), Name: sel.Sel.Name}
}

// KeyedFieldSymbol returns the Symbol of the field named by key in a
// composite literal of type lit (struct or pointer to struct), or the zero
// Symbol. Promoted fields cannot be keys in a literal, so the literal's own
// type declares the field.
func KeyedFieldSymbol(lit types.Type, key ast.Expr) Symbol {
	id, ok := key.(*ast.Ident)
	n := NamedOf(lit)
	if !ok || n == nil {
		return Symbol{}
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return Symbol{}
	}
	return Symbol{Path: PackagePath(n.Obj().Pkg()), Recv: n.Obj().Name(), Name: id.Name}
}

// displayName is the usual package name for an import path: its last
// element, skipping a major-version suffix and a "-go" suffix
// (".../minio-go/v7" is "minio").
func displayName(path string) string {
	parts := strings.Split(path, "/")
	name := parts[len(parts)-1]
	if len(parts) > 1 && len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" {
		name = parts[len(parts)-2]
	}
	return strings.TrimSuffix(name, "-go")
}

// HoldsClient reports whether a value of type t is, or holds through the
// fields of the user's own structs and the elements of maps, slices and
// arrays (two levels deep), a client (of S3, SQS, DynamoDB, ... or
// minio-go), session or config of an SDK.
func HoldsClient(t types.Type) bool {
	return HeldClient(t) != nil
}

// HeldClient returns the first client, session or config type that a
// value of type t is or holds (as HoldsClient looks for it, in field
// order), or nil.
func HeldClient(t types.Type) types.Type {
	var found types.Type
	holds(t, 0, containers, func(t types.Type) bool {
		if _, ok := ClientTypeOf(t); ok {
			found = t
			return true
		}
		return false
	})
	return found
}

// MayHoldCredentials reports whether a value of type t can hold
// credentials: an SDK client, config, session or credentials provider, a
// non-empty interface other than error (it may hold one), or a struct of
// the user's own (or a pointer to one) with such a field.
func MayHoldCredentials(t types.Type) bool {
	return holds(t, 0, interfaces, func(t types.Type) bool {
		if _, ok := ClientTypeOf(t); ok {
			return true
		}
		_, ok := CredProviderType(t)
		return ok
	})
}

// What holds looks through besides pointers and struct fields.
const (
	interfaces = 1 << iota // a non-empty interface may hold anything
	containers             // map, slice and array elements
)

// holds walks t through pointers and the fields of structs that are not
// SDK types (and what flags add), up to two levels, looking for a type
// that matches.
func holds(t types.Type, depth int, flags int, match func(types.Type) bool) bool {
	if t == nil || depth > 2 {
		return false
	}
	if match(t) {
		return true
	}
	if n := NamedOf(t); n != nil && IsSDKPackage(n.Obj().Pkg()) {
		return false
	}
	u := types.Unalias(t)
	if p, ok := u.(*types.Pointer); ok {
		u = types.Unalias(p.Elem())
	}
	switch u := u.Underlying().(type) {
	case *types.Interface:
		return flags&interfaces != 0 && !u.Empty() && !types.Identical(t, types.Universe.Lookup("error").Type())
	case *types.Struct:
		for i := range u.NumFields() {
			if holds(u.Field(i).Type(), depth+1, flags, match) {
				return true
			}
		}
	case *types.Map:
		return flags&containers != 0 && holds(u.Elem(), depth+1, flags, match)
	case *types.Slice:
		return flags&containers != 0 && holds(u.Elem(), depth+1, flags, match)
	case *types.Array:
		return flags&containers != 0 && holds(u.Elem(), depth+1, flags, match)
	}
	return false
}
