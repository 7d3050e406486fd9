package noretry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// perCallOnUnrewindableBody reports whether the knob at cur sits in an
// option function literal that is only ever applied to single v2 S3
// operations whose request body cannot be rewound: passed directly as an
// operation's option (client.PutObject(ctx, in, func(o *s3.Options) {...}))
// or appended to a local option slice that is only passed to such
// operations. The SDK cannot retry those requests anyway (sdk.NonSeekable),
// so the knob takes nothing away (rclone: "Can't retry single part uploads
// as only have an io.Reader").
func perCallOnUnrewindableBody(info *types.Info, cur inspector.Cursor) bool {
	var lit inspector.Cursor
	var haveLit bool
	var body *ast.BlockStmt
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			if !haveLit {
				lit, haveLit = c, true
			}
		case *ast.FuncDecl:
			body = n.Body
		}
		if body != nil {
			break
		}
	}
	if !haveLit || body == nil {
		return false
	}
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok {
		return false
	}
	if isV2Operation(info, call) {
		for i, arg := range call.Args {
			if arg == lit.Node() {
				return i >= 2 && unrewindableInput(info, body, call)
			}
		}
		return false
	}
	// opts = append(opts, func(o *s3.Options) {...})
	if !astq.IsAppend(info, call) || len(call.Args) < 2 || call.Args[0] == lit.Node() {
		return false
	}
	assign, ok := lit.Parent().Parent().Node().(*ast.AssignStmt)
	if !ok || len(assign.Lhs) != len(assign.Rhs) {
		return false
	}
	for i, rhs := range assign.Rhs {
		if ast.Unparen(rhs) != call {
			continue
		}
		id, ok := ast.Unparen(assign.Lhs[i]).(*ast.Ident)
		if !ok {
			return false
		}
		obj := info.ObjectOf(id)
		if obj == nil {
			return false
		}
		return optionSliceOnlyForUnrewindable(info, body, obj)
	}
	return false
}

// optionSliceOnlyForUnrewindable reports whether every use of the local
// option slice obj in body is a self-append (obj = append(obj, ...)) or its
// expansion into a v2 S3 operation whose request body cannot be rewound
// (client.PutObject(ctx, in, obj...)), with at least one such operation.
func optionSliceOnlyForUnrewindable(info *types.Info, body *ast.BlockStmt, obj types.Object) bool {
	allowed := map[*ast.Ident]bool{}
	ops := 0
	ok := true
	ast.Inspect(body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				return true
			}
			for i, lhs := range n.Lhs {
				l, isID := ast.Unparen(lhs).(*ast.Ident)
				c, isCall := ast.Unparen(n.Rhs[i]).(*ast.CallExpr)
				if !isID || !isCall || info.ObjectOf(l) != obj || !astq.IsAppend(info, c) || len(c.Args) == 0 {
					continue
				}
				if a, isID := ast.Unparen(c.Args[0]).(*ast.Ident); isID && info.Uses[a] == obj {
					allowed[l], allowed[a] = true, true
				}
			}
		case *ast.CallExpr:
			if !n.Ellipsis.IsValid() || len(n.Args) == 0 {
				return true
			}
			a, isID := ast.Unparen(n.Args[len(n.Args)-1]).(*ast.Ident)
			if !isID || info.Uses[a] != obj {
				return true
			}
			if !isV2Operation(info, n) || !unrewindableInput(info, body, n) {
				ok = false
				return false
			}
			allowed[a] = true
			ops++
		}
		return true
	})
	if !ok || ops == 0 {
		return false
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if id, isID := n.(*ast.Ident); isID && info.Uses[id] == obj && !allowed[id] {
			ok = false
		}
		return ok
	})
	return ok
}

// unrewindableInput reports whether the input of the v2 operation call (its
// second argument) has a request body that cannot be rewound: a composite
// literal whose Body cannot seek, or a local variable or parameter every
// one of whose Body values in body (literal keys and field assignments)
// cannot seek. A value that is not found, or a literal without a Body (no
// stream), is rewindable.
func unrewindableInput(info *types.Info, body *ast.BlockStmt, call *ast.CallExpr) bool {
	if len(call.Args) < 2 {
		return false
	}
	in := ast.Unparen(call.Args[1])
	if u, ok := in.(*ast.UnaryExpr); ok && u.Op == token.AND {
		in = ast.Unparen(u.X)
	}
	if lit, ok := in.(*ast.CompositeLit); ok {
		v := literalBody(info, lit)
		return v != nil && sdk.NonSeekable(info, v)
	}
	id, ok := in.(*ast.Ident)
	if !ok {
		return false
	}
	obj := info.Uses[id]
	if obj == nil {
		return false
	}
	var values []ast.Expr
	unknown := false
	assigned := func(lhs, rhs ast.Expr) {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if info.ObjectOf(l) != obj {
				return
			}
			r := ast.Unparen(rhs)
			if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
				r = ast.Unparen(u.X)
			}
			lit, ok := r.(*ast.CompositeLit)
			if !ok {
				unknown = true
				return
			}
			if v := literalBody(info, lit); v != nil {
				values = append(values, v)
			} else {
				unknown = true // no Body: nothing to rewind
			}
		case *ast.SelectorExpr:
			if x, ok := ast.Unparen(l.X).(*ast.Ident); ok && info.Uses[x] == obj && sdk.RequestBodyField(sdk.FieldSymbol(info, l)) {
				values = append(values, rhs)
			}
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					assigned(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					assigned(n.Names[i], n.Values[i])
				}
			}
		}
		return !unknown
	})
	if unknown || len(values) == 0 {
		return false
	}
	for _, v := range values {
		if !sdk.NonSeekable(info, v) {
			return false
		}
	}
	return true
}

// literalBody returns the value of the request-body key of an S3 input
// literal, or nil.
func literalBody(info *types.Info, lit *ast.CompositeLit) ast.Expr {
	t := info.TypeOf(lit)
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && sdk.RequestBodyField(sdk.KeyedFieldSymbol(t, kv.Key)) {
			return kv.Value
		}
	}
	return nil
}

// isV2Operation reports whether call is a v2 S3 operation, on a client or
// on an interface that mirrors one.
func isV2Operation(info *types.Info, call *ast.CallExpr) bool {
	fn := astq.Callee(info, call)
	if s, ok := sdk.Operation(fn); ok {
		return s == sdk.V2
	}
	s, _, ok := sdk.MirroredOperation(fn)
	return ok && s == sdk.V2
}
