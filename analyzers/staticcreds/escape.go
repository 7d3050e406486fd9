package staticcreds

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/sdk"
)

// escapes reports the uses that keep a snapshot of refreshing credentials
// alive beyond the moment it was taken (docs/rules/staticcreds.md,
// "Snapshots that outlive their moment"): a signing call with a kept
// snapshot, an exported function returning one, and a refreshing provider
// built on a snapshot as its base keys.
func escapes(info *types.Info, flow *credflow.Flow, cur inspector.Cursor) []finding.Finding {
	switch n := cur.Node().(type) {
	case *ast.CallExpr:
		s, ok := sdk.SignerOf(sdk.CalleeSymbol(info, n))
		if !ok {
			return nil
		}
		args := []int{s.Value}
		if s.Value < 0 {
			args = s.Keys[:]
		}
		for _, i := range args {
			if i < 0 || i >= len(n.Args) {
				continue
			}
			if p, kept, ok := flow.Snapshot(n.Args[i]); ok && kept {
				return []finding.Finding{{Pos: n.Pos(), End: n.End(), Message: fmt.Sprintf(
					"%s(...) signs with a snapshot kept from %s: it expires within hours and is never renewed (ExpiredToken); Retrieve from the provider for each request",
					flow.Render(n.Fun), p.Detail)}}
			}
		}
	case *ast.ReturnStmt:
		fd := enclosingFunc(cur)
		if fd == nil || !fd.Name.IsExported() || inAdapter(info, cur) {
			return nil
		}
		for _, r := range n.Results {
			if _, ok := sdk.CredValueType(info.TypeOf(r)); !ok {
				continue
			}
			if p, kept, ok := flow.Snapshot(r); ok && kept {
				return []finding.Finding{{Pos: r.Pos(), End: r.End(), Message: fmt.Sprintf(
					"%s returns a snapshot kept from %s: callers get credentials that expire within hours (ExpiredToken); hand out the provider instead",
					fd.Name.Name, p.Detail)}}
			}
		}
	case *ast.CompositeLit:
		for _, el := range n.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok || !sdk.BaseKeyField(sdk.KeyedFieldSymbol(info.TypeOf(n), kv.Key)) {
				continue
			}
			if p, _, ok := flow.Snapshot(kv.Value); ok {
				return []finding.Finding{{Pos: n.Pos(), End: n.End(), Message: fmt.Sprintf(
					"%s takes base keys from a snapshot (%s): the provider re-assumes only until they expire (ExpiredToken); use a refreshing provider",
					flow.Render(n.Type)+"{...}", p.Detail)}}
			}
		}
	}
	return nil
}

// enclosingFunc returns the function declaration cur is in, unless cur is
// inside a function literal.
func enclosingFunc(cur inspector.Cursor) *ast.FuncDecl {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		fd, _ := c.Node().(*ast.FuncDecl)
		return fd
	}
	return nil
}
