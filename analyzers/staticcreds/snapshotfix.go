package staticcreds

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/fixedit"
	"github.com/credlint/credlint/passes/credflow"
)

// snapshotFix hands a static construction's user the provider its keys
// were snapshotted from, wherever the construction stands (an option
// appended to LoadDefaultConfig's options, a functional option of
// s3.NewFromConfig, an aws.Config literal, an argument):
//
//	v, err := cfg.Credentials.Retrieve(ctx)
//	o.Credentials = credentials.NewStaticCredentialsProvider(v.AccessKeyID, v.SecretAccessKey, v.SessionToken)
//
// becomes o.Credentials = cfg.Credentials: the refreshing provider (on ECS,
// the task role behind the SDK's credential cache) instead of its copy.
// credflow decides whether the replacement means the same credentials.
func snapshotFix(pass *analysis.Pass, flow *credflow.Flow, cur inspector.Cursor) (analysis.SuggestedFix, bool) {
	call, ok := cur.Node().(*ast.CallExpr)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	snap, ok := flow.SnapshotSource(call, expectedType(pass.TypesInfo, cur))
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	text := types.ExprString(snap.Provider)
	edits := []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(text)}}
	msg := fmt.Sprintf("use %s, the refreshing provider the snapshot was taken from, instead of a frozen copy", text)
	if as, ok := cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 && sameVar(pass.TypesInfo, as.Lhs[0], snap.Provider) {
		// cfg.Credentials = <copy of cfg.Credentials>: replacing the copy
		// would leave a self-assignment; removing the statement keeps the
		// provider that is already there.
		del, ok := fixedit.Stmt(pass, cur.Parent())
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = []analysis.TextEdit{{Pos: del.Pos, End: del.End}}
		msg = fmt.Sprintf("remove the override: %s already is the refreshing provider the snapshot was taken from", text)
	}
	if snap.Var != nil {
		// The snapshot has no other use: keep the call (an error check
		// may follow it), drop the variable.
		edits = append(edits, analysis.TextEdit{Pos: snap.Var.Pos(), End: snap.Var.End(), NewText: []byte("_")})
		if snap.Define.IsValid() {
			edits = append(edits, analysis.TextEdit{Pos: snap.Define, End: snap.Define + 2, NewText: []byte("=")})
		}
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
}

// sameVar reports whether a and b denote the same variable or field path
// (cfg.Credentials and cfg.Credentials, through the same objects).
func sameVar(info *types.Info, a, b ast.Expr) bool {
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.ObjectOf(a) != nil && info.ObjectOf(a) == info.ObjectOf(b)
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && info.ObjectOf(a.Sel) != nil && info.ObjectOf(a.Sel) == info.ObjectOf(b.Sel) && sameVar(info, a.X, b.X)
	}
	return false
}

// expectedType returns the type the expression at cur is used as: the
// parameter it is passed to, the variable or field it is assigned to, the
// field of a composite literal, or nil when that is not one of these.
func expectedType(info *types.Info, cur inspector.Cursor) types.Type {
	n, ok := cur.Node().(ast.Expr)
	if !ok {
		return nil
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		i := slices.Index(p.Args, n)
		sig, ok := info.TypeOf(p.Fun).Underlying().(*types.Signature)
		if i < 0 || !ok || sig.Params().Len() == 0 {
			return nil
		}
		if sig.Variadic() && i >= sig.Params().Len()-1 {
			if p.Ellipsis.IsValid() {
				return nil
			}
			return sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice).Elem()
		}
		if i < sig.Params().Len() {
			return sig.Params().At(i).Type()
		}
	case *ast.AssignStmt:
		if i := slices.Index(p.Rhs, n); i >= 0 && len(p.Lhs) == len(p.Rhs) {
			return info.TypeOf(p.Lhs[i])
		}
	case *ast.KeyValueExpr:
		if p.Value == n {
			if id, ok := p.Key.(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && v.IsField() {
					return v.Type()
				}
			}
		}
	case *ast.ValueSpec:
		if p.Type != nil {
			return info.TypeOf(p.Type)
		}
	}
	return nil
}
