package credflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// Mask hides a possible secret: the first and last four characters of a
// long string ("AKIA…MPLE"), "****" for a short one, "" for "".
func Mask(s string) string { return mask(s) }

func mask(s string) string {
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

// renderTop renders a construction: its callee and first argument, with
// "..." for the rest (`credentials.NewStaticV4(os.Getenv("A"), ...)`), or
// a composite literal's type (`credentials.StaticProvider{...}`).
func renderTop(info *types.Info, n ast.Node) string {
	switch n := n.(type) {
	case *ast.CallExpr:
		s := render(info, n.Fun, 1) + "("
		if len(n.Args) > 0 {
			s += render(info, n.Args[0], 1)
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
			return render(info, n.Type, 1) + "{}"
		}
		return render(info, n.Type, 1) + "{...}"
	case ast.Expr:
		return render(info, n, 0)
	}
	return "?"
}

// render prints an expression shortened for a message. String constants
// are masked, except the variable name given to os.Getenv / os.LookupEnv.
func render(info *types.Info, e ast.Expr, depth int) string {
	if depth > 4 {
		return "..."
	}
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.ParenExpr:
		return "(" + render(info, x.X, depth+1) + ")"
	case *ast.SelectorExpr:
		return render(info, x.X, depth) + "." + x.Sel.Name
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			s, err := strconv.Unquote(x.Value)
			if err != nil {
				return `"****"`
			}
			return strconv.Quote(mask(s))
		}
		return x.Value
	case *ast.StarExpr:
		return "*" + render(info, x.X, depth+1)
	case *ast.UnaryExpr:
		return x.Op.String() + render(info, x.X, depth+1)
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
				args = append(args, render(info, a, depth+1))
			}
		}
		return render(info, x.Fun, depth+1) + "(" + strings.Join(args, ", ") + ")"
	case *ast.IndexExpr:
		if n, ok := nameLit(info, x.Index); ok {
			return render(info, x.X, depth+1) + "[" + n + "]"
		}
		return render(info, x.X, depth+1) + "[" + render(info, x.Index, depth+1) + "]"
	case *ast.CompositeLit:
		if x.Type == nil {
			return "{...}"
		}
		return render(info, x.Type, depth+1) + "{...}"
	case *ast.FuncLit:
		return "func(...) {...}"
	case *ast.ArrayType:
		return "[]" + render(info, x.Elt, depth+1)
	case *ast.BinaryExpr:
		return render(info, x.X, depth+1) + " " + x.Op.String() + " " + render(info, x.Y, depth+1)
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
