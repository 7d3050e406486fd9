package expiryerr

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// checkStream reports a minio-go listing (ListObjects, ListObjectsIter,
// RemoveObjects, ...) whose errors are lost: minio sends a failed request
// as an element with Err set (a listing ends there; RemoveObjects reports
// each object it could not delete), so a loop that never reads Err sees an
// expired token as a short or empty result.
//
// Reported when the stream is dropped by a bare call statement, or ranged
// over (directly or through a local variable) by a loop whose element is
// absent, blank, or used only through its other fields. An element that is
// passed on whole (to a function, a channel, a slice) may have its Err read
// there: quiet.
func (c *checker) checkStream(cur inspector.Cursor, call *ast.CallExpr) {
	fn := astq.Callee(c.info, call)
	s, field, ok := sdk.ErrorStream(fn)
	if !ok {
		return
	}
	errField := field.Recv + "." + field.Name
	switch p := cur.Parent().Node().(type) {
	case *ast.ExprStmt:
		c.report(call, streamMessage(s, srctext.FuncName(fn), errField, "a bare call statement drops the stream"))
	case *ast.RangeStmt:
		if p.X == call {
			if how := c.elemErrLost(p, field); how != "" {
				c.report(call, streamMessage(s, srctext.FuncName(fn), errField, how))
			}
		}
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 && len(p.Rhs) == 1 && p.Rhs[0] == call {
			c.checkStreamVar(cur, p.Lhs[0], call, s, fn, field)
		}
	case *ast.ValueSpec:
		if len(p.Names) == 1 && len(p.Values) == 1 && p.Values[0] == call {
			c.checkStreamVar(cur, p.Names[0], call, s, fn, field)
		}
	}
}

// checkStreamVar handles ch := client.ListObjects(...): reported when
// every use of ch in the enclosing function is a range loop that loses
// the element's Err.
func (c *checker) checkStreamVar(cur inspector.Cursor, lhs ast.Expr, call *ast.CallExpr, s sdk.SDK, fn *types.Func, field sdk.Symbol) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	if v == nil || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return // package-level: used anywhere
	}
	body := enclosingBody(cur)
	if body == nil {
		return
	}
	how, uses := "", 0
	quiet := false
	ast.Inspect(body, func(n ast.Node) bool {
		if quiet {
			return false
		}
		switch n := n.(type) {
		case *ast.RangeStmt:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.info.Uses[x] == v {
				uses++
				h := c.elemErrLost(n, field)
				if h == "" {
					quiet = true
				} else if how == "" {
					how = h
				}
				// The body may use v too (a nested range): keep walking.
				ast.Inspect(n.Body, func(m ast.Node) bool {
					if x, ok := m.(*ast.Ident); ok && c.info.Uses[x] == v {
						quiet = true
					}
					return !quiet
				})
				return false
			}
		case *ast.Ident:
			if c.info.Uses[n] == v {
				quiet = true // received from, passed on, returned: not ours to judge
			}
		}
		return true
	})
	if quiet || uses == 0 {
		return
	}
	c.report(call, streamMessage(s, srctext.FuncName(fn), field.Recv+"."+field.Name, how))
}

// elemErrLost says how the loop loses its element's Err field, or "" when
// it reads Err or passes the element on whole.
func (c *checker) elemErrLost(loop *ast.RangeStmt, field sdk.Symbol) string {
	key, ok := loop.Key.(*ast.Ident)
	if loop.Key == nil || (ok && key.Name == "_") {
		return "the loop never looks at the elements"
	}
	if !ok {
		return "" // for x.f = range ...: stored, not ours to judge
	}
	elem := c.info.ObjectOf(key)
	if elem == nil {
		return ""
	}
	used, passed, readErr := false, false, false
	ast.Inspect(loop.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.info.Uses[x] == elem {
				used = true
				if sdk.FieldSymbol(c.info, n) == field {
					readErr = true
				}
				return false
			}
		case *ast.Ident:
			if c.info.Uses[n] == elem {
				used, passed = true, true
			}
		}
		return true
	})
	switch {
	case readErr || passed:
		return ""
	case !used:
		return "the loop never looks at the elements"
	}
	return "the loop never reads " + key.Name + "." + field.Name
}

// enclosingBody returns the body of the function around cur.
func enclosingBody(cur inspector.Cursor) *ast.BlockStmt {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			return n.Body
		case *ast.FuncDecl:
			return n.Body
		}
	}
	return nil
}

func streamMessage(s sdk.SDK, op, errField, how string) string {
	return fmt.Sprintf("the errors of %s are discarded (%s): an expired token goes unseen; check %s",
		op, how, errField)
}
