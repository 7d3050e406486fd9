package credflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// EnvMissing reports whether the node at cur runs only where an enclosing
// if/else of its function has just found one of the environment variables
// an environment provider reads empty: in the body of
// `if os.Getenv("AWS_ACCESS_KEY_ID") == ""` (or `!ok` of os.LookupEnv, or a
// local set from either), or in the else branch of `!= ""`. An environment
// provider built there holds no keys: a fallback to anonymous access.
// The variables are the ones that hold the provider's keys
// (sdk.EnvProviderKeyVars).
func (f *Flow) EnvMissing(cur inspector.Cursor) bool {
	if !f.enabled {
		return false
	}
	var sym sdk.Symbol
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		sym = sdk.CalleeSymbol(f.info, n)
	case *ast.CompositeLit:
		sym = sdk.TypeSymbol(f.info.TypeOf(n))
	}
	names := map[string]bool{}
	for _, v := range sdk.EnvProviderKeyVars(sym) {
		names[v] = true
	}
	if len(names) == 0 {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for c := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := c.Node().(*ast.IfStmt)
		if !ok {
			return false
		}
		in := func(b ast.Node) bool {
			return b != nil && cur.Node().Pos() >= b.Pos() && cur.Node().End() <= b.End()
		}
		switch {
		case in(ifs.Body) && f.missing(ifs.Cond, names, true):
			return true
		case in(ifs.Else) && f.missing(ifs.Cond, names, false):
			return true
		}
	}
	return false
}

// missing reports whether cond (when it evaluates to want) implies that
// one of the named variables is empty.
func (f *Flow) missing(cond ast.Expr, names map[string]bool, want bool) bool {
	switch x := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return f.missing(x.X, names, !want)
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR:
			if want { // A || B: missing if both imply it
				return f.missing(x.X, names, true) && f.missing(x.Y, names, true)
			}
			return f.missing(x.X, names, false) || f.missing(x.Y, names, false)
		case token.LAND:
			if want {
				return f.missing(x.X, names, true) || f.missing(x.Y, names, true)
			}
			return f.missing(x.X, names, false) && f.missing(x.Y, names, false)
		case token.EQL, token.NEQ:
			empty := (x.Op == token.EQL) == want // the comparison says "is empty"
			a, b := x.X, x.Y
			if s, ok := astq.StringConst(f.info, a); ok && s == "" {
				a, b = b, a
			}
			if s, ok := astq.StringConst(f.info, b); !ok || s != "" {
				return false
			}
			return empty && f.envValue(a, names)
		}
	case *ast.Ident:
		// ok of v, ok := os.LookupEnv("AWS_ACCESS_KEY_ID"): false means unset.
		if !want {
			if v, ok := f.info.Uses[x].(*types.Var); ok {
				for _, d := range f.idx.defs[v] {
					if call, ok := ast.Unparen(d.rhs).(*ast.CallExpr); ok && d.idx == 1 && sdk.CalleeSymbol(f.info, call) == sdk.OsLookupEnv && len(call.Args) == 1 {
						if name, ok := astq.StringConst(f.info, call.Args[0]); ok && names[name] {
							return true
						}
					}
				}
			}
		}
	}
	return false
}

// envValue reports whether e is os.Getenv of one of the names, or a local
// variable set from os.Getenv / os.LookupEnv of one.
func (f *Flow) envValue(e ast.Expr, names map[string]bool) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if sdk.CalleeSymbol(f.info, x) == sdk.OsGetenv && len(x.Args) == 1 {
			name, ok := astq.StringConst(f.info, x.Args[0])
			return ok && names[name]
		}
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok || f.idx.params[v] {
			return false
		}
		defs := f.idx.defs[v]
		if len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return false
			}
			sym := sdk.CalleeSymbol(f.info, call)
			if !(sym == sdk.OsGetenv && d.idx < 0 || sym == sdk.OsLookupEnv && d.idx == 0) {
				return false
			}
			name, ok := astq.StringConst(f.info, call.Args[0])
			if !ok || !names[name] {
				return false
			}
		}
		return true
	}
	return false
}
