// Package srctext renders source text into messages: positions
// ("internal/store/store.go:40", from the module root), function names, and expressions shortened with
// every string literal that may be a secret masked. Rules and passes print
// code only through it, so masking is enforced in one place; the driver's
// context lines (-c N) are masked by MaskLine, and text too long for a
// message is shortened by whole arguments and words (Shorten).
package srctext

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// Where formats pos as "path/to/file.go:line", the file's path relative
// to the root of its module (the nearest directory above it with a
// go.mod), so that a position quoted in a message names a real file. A
// file outside any module is named by its directory and base name.
func Where(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	if !p.IsValid() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", RelPath(p.Filename), p.Line)
}

// RelPath returns filename relative to the root of its module, with
// forward slashes, or its directory and base name when no go.mod is
// found above it.
func RelPath(filename string) string {
	if filename == "" {
		return ""
	}
	dir := filepath.Dir(filename)
	if root, ok := moduleRoot(dir); ok {
		if rel, err := filepath.Rel(root, filename); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Join(filepath.Base(dir), filepath.Base(filename)))
}

// roots caches moduleRoot by directory: the answer depends only on the
// file system, and a message quotes few positions.
var roots sync.Map // string -> string ("" when none)

// moduleRoot returns the nearest directory at or above dir that holds a
// go.mod.
func moduleRoot(dir string) (string, bool) {
	if !filepath.IsAbs(dir) {
		return "", false
	}
	if r, ok := roots.Load(dir); ok {
		return r.(string), r.(string) != ""
	}
	root := ""
	for d := dir; ; {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	roots.Store(dir, root)
	return root, root != ""
}

// FuncName names a function in a message: "pkg.Func" or "pkg.Type.Method".
func FuncName(fn *types.Func) string {
	name := fn.Name()
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil {
		if n := sdk.NamedOf(sig.Recv().Type()); n != nil {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// awsKeyID matches an AWS access key ID: a four-character type prefix
// (AKIA for IAM users, ASIA for temporary credentials, ...) and 16
// upper-case letters or digits.
var awsKeyID = regexp.MustCompile(`^(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}$`)

// AWSKeyID reports whether s is shaped like an AWS access key ID. A
// literal that is not ("test", "minioadmin", "YOUR-ACCESSKEYID") cannot
// authenticate against AWS: a placeholder for a fake or local endpoint.
func AWSKeyID(s string) bool { return awsKeyID.MatchString(s) }

// awsSecretKey matches the shape of an AWS secret access key: 40
// characters of base64 ([A-Za-z0-9/+]).
var awsSecretKey = regexp.MustCompile(`^[A-Za-z0-9/+]{40}$`)

// AWSSecretKey reports whether s is shaped like an AWS secret access key.
// A literal of that shape may be a real secret whatever key ID it is
// paired with.
func AWSSecretKey(s string) bool { return awsSecretKey.MatchString(s) }

// Source prints e in full (types.ExprString), with its string literals
// masked.
func Source(e ast.Expr) string {
	s := types.ExprString(e)
	at := 0
	ast.Inspect(e, func(n ast.Node) bool {
		lit, ok := n.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		i := strings.Index(s[at:], lit.Value)
		if i < 0 {
			return true
		}
		m := `"****"`
		if u, err := strconv.Unquote(lit.Value); err == nil {
			m = strconv.Quote(Mask(u))
		}
		s = s[:at+i] + m + s[at+i+len(lit.Value):]
		at += i + len(m)
		return true
	})
	return s
}

// Mask hides a possible secret: the first and last four characters of a
// long string ("AKIA…MPLE"), "****" for a short one, "" for "".
func Mask(s string) string {
	n := utf8.RuneCountInString(s)
	switch {
	case n == 0:
		return ""
	case n < 16:
		return "****"
	}
	r := []rune(s)
	return string(r[:4]) + "…" + string(r[n-4:])
}

// Construction renders a construction: its callee and first argument, with
// "..." for the rest (`credentials.NewStaticV4(os.Getenv("A"), ...)`), or
// a composite literal's type (`credentials.StaticProvider{...}`).
func Construction(info *types.Info, n ast.Node) string {
	switch n := n.(type) {
	case *ast.CallExpr:
		s := Expr(info, n.Fun, 1) + "("
		if len(n.Args) > 0 {
			s += Expr(info, n.Args[0], 1)
			if len(n.Args) > 1 {
				s += ", ..."
			}
		}
		return s + ")"
	case *ast.CompositeLit:
		if n.Type == nil {
			return "{...}"
		}
		if len(n.Elts) == 0 {
			return Expr(info, n.Type, 1) + "{}"
		}
		return Expr(info, n.Type, 1) + "{...}"
	case ast.Expr:
		return Expr(info, n, 0)
	}
	return "?"
}

// Expr prints an expression shortened for a message (depth 0 at the top;
// deeper parts are elided as "..."). String constants
// are masked, except the variable name given to os.Getenv / os.LookupEnv.
func Expr(info *types.Info, e ast.Expr, depth int) string {
	if depth > 4 {
		return "..."
	}
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.ParenExpr:
		return "(" + Expr(info, x.X, depth+1) + ")"
	case *ast.SelectorExpr:
		return Expr(info, x.X, depth) + "." + x.Sel.Name
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			s, err := strconv.Unquote(x.Value)
			if err != nil {
				return `"****"`
			}
			return strconv.Quote(Mask(s))
		}
		return x.Value
	case *ast.StarExpr:
		return "*" + Expr(info, x.X, depth+1)
	case *ast.UnaryExpr:
		return x.Op.String() + Expr(info, x.X, depth+1)
	case *ast.CallExpr:
		sym := sdk.CalleeSymbol(info, x)
		var args []string
		if depth >= 3 && len(x.Args) > 0 {
			args = []string{"..."}
		} else {
			for i, a := range x.Args {
				if i == 2 {
					args = append(args, "...")
					break
				}
				if (sym == sdk.OsGetenv || sym == sdk.OsLookupEnv || sym == sdk.OsSetenv) && i == 0 {
					if s, ok := astq.StringConst(info, a); ok {
						args = append(args, strconv.Quote(s))
						continue
					}
				}
				if isMethodCall(info, x) {
					// q.Get("aws_access_key_id"), sec.Key("aws_secret_access_key"):
					// the name of a parameter or field, not a secret.
					if n, ok := nameLit(info, a); ok {
						args = append(args, n)
						continue
					}
				}
				args = append(args, Expr(info, a, depth+1))
			}
		}
		return Expr(info, x.Fun, depth+1) + "(" + strings.Join(args, ", ") + ")"
	case *ast.IndexExpr:
		if n, ok := nameLit(info, x.Index); ok {
			return Expr(info, x.X, depth+1) + "[" + n + "]"
		}
		return Expr(info, x.X, depth+1) + "[" + Expr(info, x.Index, depth+1) + "]"
	case *ast.CompositeLit:
		if x.Type == nil {
			return "{...}"
		}
		return Expr(info, x.Type, depth+1) + "{...}"
	case *ast.FuncLit:
		return "func(...) {...}"
	case *ast.ArrayType:
		return "[]" + Expr(info, x.Elt, depth+1)
	case *ast.BinaryExpr:
		return Expr(info, x.X, depth+1) + " " + x.Op.String() + " " + Expr(info, x.Y, depth+1)
	}
	return "..."
}

// nameShape is a field, parameter or variable name: aws_access_key_id,
// AWS_SECRET_ACCESS_KEY, s3.secret-key.
var nameShape = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*([_.-][A-Za-z0-9]+)+$`)

// nameLit returns a string constant quoted as written when it is shaped
// like a name (with a separator, not like an AWS key ID, at most 48
// characters): used as a map index or a lookup argument it names a field
// or parameter, and masking applies to secret values only.
func nameLit(info *types.Info, e ast.Expr) (string, bool) {
	s, ok := astq.StringConst(info, e)
	if !ok || len(s) > 48 || AWSKeyID(s) || !nameShape.MatchString(s) {
		return "", false
	}
	return strconv.Quote(s), true
}

// isMethodCall reports whether call calls a method (q.Get(...)).
func isMethodCall(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := info.Selections[sel]
	return s != nil && s.Kind() == types.MethodVal
}
