package staticcreds

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// escapes reports the uses that keep a snapshot of refreshing credentials
// alive beyond the moment it was taken (docs/rules/staticcreds.md,
// "Snapshots that outlive their moment"): a signing call with a kept
// snapshot, an exported function returning one, and a refreshing provider
// built on a snapshot as its base keys.
func escapes(pass *analysis.Pass, flow *credflow.Flow, cur inspector.Cursor, done map[ast.Node]bool) []finding.Finding {
	info := pass.TypesInfo
	switch n := cur.Node().(type) {
	case *ast.AssignStmt:
		if len(n.Lhs) != len(n.Rhs) {
			return nil
		}
		var out []finding.Finding
		for i, l := range n.Lhs {
			if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok && sdk.EnvSliceField(sdk.FieldSymbol(info, sel)) {
				out = append(out, envEntries(pass, flow, cur, flow.SliceElems(n.Rhs[i]), done)...)
			}
		}
		return out
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
					"%s(...) signs with a snapshot kept from %s: it expires within hours; Retrieve per request",
					flow.Render(n.Fun), p.Detail)}}
			}
		}
	case *ast.ReturnStmt:
		fd := enclosingFunc(cur)
		if fd == nil || !fd.Name.IsExported() || inAdapter(info, cur) {
			return nil
		}
		for _, r := range n.Results {
			if !holdsCredValue(info.TypeOf(r)) {
				continue
			}
			if p, kept, ok := flow.Snapshot(r); ok && kept {
				return []finding.Finding{{Pos: r.Pos(), End: r.End(), Message: fmt.Sprintf(
					"%s returns a snapshot kept from %s: callers get credentials that expire within hours; hand out the provider instead",
					fd.Name.Name, p.Detail)}}
			}
		}
	case *ast.CompositeLit:
		var out []finding.Finding
		for _, el := range n.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok && sdk.EnvSliceField(sdk.KeyedFieldSymbol(info.TypeOf(n), kv.Key)) {
				out = append(out, envEntries(pass, flow, cur, flow.SliceElems(kv.Value), done)...)
			}
		}
		if len(out) > 0 {
			return out
		}
		for _, el := range n.Elts {
			kv, ok := el.(*ast.KeyValueExpr)
			if !ok || !sdk.BaseKeyField(sdk.KeyedFieldSymbol(info.TypeOf(n), kv.Key)) {
				continue
			}
			if p, _, ok := flow.Snapshot(kv.Value); ok {
				return []finding.Finding{{Pos: n.Pos(), End: n.End(), Message: fmt.Sprintf(
					"%s takes base keys from a snapshot (%s): the provider re-assumes only until they expire; use a refreshing provider",
					flow.Render(n.Type)+"{...}", p.Detail)}}
			}
		}
	}
	return nil
}

// holdsCredValue reports whether t is a credential value (aws.Credentials,
// credentials.Value), a pointer to one, or a struct (or pointer to a
// struct) with a field of such a type: a snapshot returned by value, by
// pointer or inside a struct reaches the caller all the same.
func holdsCredValue(t types.Type) bool {
	if _, ok := sdk.CredValueType(t); ok {
		return true
	}
	if t == nil {
		return false
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if _, ok := sdk.CredValueType(st.Field(i).Type()); ok {
			return true
		}
	}
	return false
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

// envEntries reports the "NAME=value" entries of another process's
// environment that set AWS credential variables: one finding for the
// entries of one environment, on the first, with the others as related
// positions and a fix that removes them all.
func envEntries(pass *analysis.Pass, flow *credflow.Flow, cur inspector.Cursor, elems []ast.Expr, done map[ast.Node]bool) []finding.Finding {
	info := pass.TypesInfo
	var ms []member
	for _, el := range elems {
		name, value, ok := sdk.EnvEntry(info, el)
		if !ok || !sdk.IsCredentialEnvVar(name) || done[el] || emptyValue(info, el, value) {
			continue
		}
		done[el] = true
		ec, ok := cur.Inspector().Root().FindNode(el)
		if !ok {
			continue
		}
		ms = append(ms, member{ec, finding.Finding{Pos: el.Pos(), End: el.End(), Message: fitted(func(max int) string {
			return fmt.Sprintf("%s=… in a child's env: keys from %s never refresh; let it inherit AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
				name, entrySource(info, flow, el, value, max))
		})}, name + "=…"})
	}
	if len(ms) == 0 {
		return nil
	}
	slices.SortFunc(ms, func(a, b member) int { return finding.ComparePos(pass.Fset, a.f.Pos, b.f.Pos) })
	fix, ok := removeEntriesFix(pass, ms, "remove the credential entries: the child reaches the task role through AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (in os.Environ() on ECS)")
	return []finding.Finding{merge(ms, fix, ok)}
}

// envPair reports an ECS container environment pair that sets an AWS
// credential variable, and the variable's name.
func envPair(info *types.Info, flow *credflow.Flow, lit *ast.CompositeLit) (finding.Finding, string, bool) {
	if _, ok := sdk.EnvPairType(info.TypeOf(lit)); !ok {
		return finding.Finding{}, "", false
	}
	var name string
	var value ast.Expr
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		switch id, _ := kv.Key.(*ast.Ident); {
		case id == nil:
		case id.Name == "Name":
			name, _ = sdk.StringArg(info, kv.Value)
		case id.Name == "Value":
			value = kv.Value
		}
	}
	if !sdk.IsCredentialEnvVar(name) || value == nil {
		return finding.Finding{}, "", false
	}
	if v, ok := sdk.StringArg(info, value); ok && v == "" {
		return finding.Finding{}, "", false // clears the variable: the task role is used
	}
	return finding.Finding{Pos: lit.Pos(), End: lit.End(), Message: fitted(func(max int) string {
		return fmt.Sprintf("%s in an ECS container env: keys from %s override the task role; give the task its own task role",
			name, entrySource(info, flow, nil, value, max))
	})}, name, true
}

// entrySource names where an environment value comes from.
func entrySource(info *types.Info, flow *credflow.Flow, entry, value ast.Expr, max int) string {
	if value == nil {
		s, _ := astq.StringConst(info, entry)
		_, v, _ := strings.Cut(s, "=")
		return fmt.Sprintf("a literal (%s)", srctext.Mask(v))
	}
	p := flow.KeyProv(value)
	d := detail(p.Detail, max)
	if p.Detail == "" {
		d = finding.Clip(flow.Render(value), max+20)
	}
	switch p.Kind {
	case credflow.ProvSnapshot:
		return "a snapshot (" + d + ")"
	case credflow.ProvSTS:
		return "temporary credentials (" + d + ")"
	case credflow.ProvConfig:
		return "configuration (" + d + ")"
	case credflow.ProvEnv:
		return "the environment (" + d + ")"
	case credflow.ProvLiteral:
		return "a literal (" + d + ")"
	}
	return d
}

// emptyValue reports whether an environment entry sets its variable to
// the constant "" ("AWS_ACCESS_KEY_ID=", "AWS_SESSION_TOKEN=" + ""): it
// clears it, and the SDKs then fall through to the task role.
func emptyValue(info *types.Info, entry, value ast.Expr) bool {
	if value == nil {
		s, _ := astq.StringConst(info, entry)
		_, v, _ := strings.Cut(s, "=")
		return v == ""
	}
	v, ok := astq.StringConst(info, value)
	return ok && v == ""
}
