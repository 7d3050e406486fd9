package staticcreds

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/fixedit"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// One finding per mistake (docs/rules/staticcreds.md, "One finding per
// key set"): the os.Setenv calls of one key set, the entries of one
// environment slice and the pairs of one container environment are one
// finding, on the first, with the others as related positions, and one fix
// that removes them all.

// member is one reported piece of a key set: an os.Setenv call, an
// environment entry or a container environment pair.
type member struct {
	cur inspector.Cursor
	f   finding.Finding
	// what names the piece in a related position.
	what string
}

// merge turns the members of one group (in source order) into one
// finding: the first's, with the others as related positions and fix (if
// ok) as its fix.
func merge(ms []member, fix analysis.SuggestedFix, ok bool) finding.Finding {
	f := ms[0].f
	for _, m := range ms[1:] {
		f.Related = append(f.Related, analysis.RelatedInformation{Pos: m.f.Pos, End: m.f.End, Message: m.what + ": the same key set"})
	}
	if ok {
		f.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	return f
}

// setenvKey returns what groups an os.Setenv call with its neighbours:
// the statement list it stands in and the index where the run of
// consecutive environment-setting statements containing it starts. A call
// that is not a statement of a list of its own is a group alone.
func setenvKey(info *types.Info, cur inspector.Cursor) any {
	stmt, ok := setenvStmt(cur)
	if !ok {
		return cur.Node()
	}
	list := stmtList(stmt.Parent().Node())
	i := slices.Index(list, stmt.Node().(ast.Stmt))
	if i < 0 {
		return cur.Node()
	}
	for i > 0 && isEnvStmt(info, list[i-1]) {
		i--
	}
	return [2]any{stmt.Parent().Node(), i}
}

// setenvStmt returns the statement an os.Setenv call is: a call
// statement, an assignment of its error, "if err := os.Setenv(...); err !=
// nil", or "return os.Setenv(...)".
func setenvStmt(cur inspector.Cursor) (inspector.Cursor, bool) {
	p := cur.Parent()
	switch n := p.Node().(type) {
	case *ast.ExprStmt, *ast.ReturnStmt:
		return p, true
	case *ast.AssignStmt:
		if pp, ok := p.Parent().Node().(*ast.IfStmt); ok && pp.Init == n {
			return p.Parent(), true
		}
		return p, true
	}
	return inspector.Cursor{}, false
}

func stmtList(n ast.Node) []ast.Stmt {
	switch n := n.(type) {
	case *ast.BlockStmt:
		return n.List
	case *ast.CaseClause:
		return n.Body
	case *ast.CommClause:
		return n.Body
	}
	return nil
}

// isEnvStmt reports whether s sets or unsets an environment variable
// (any, not only credentials: a run of them is one block of setup).
func isEnvStmt(info *types.Info, s ast.Stmt) bool {
	var e ast.Expr
	switch s := s.(type) {
	case *ast.ExprStmt:
		e = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			e = s.Rhs[0]
		}
	case *ast.IfStmt:
		if as, ok := s.Init.(*ast.AssignStmt); ok && len(as.Rhs) == 1 {
			e = as.Rhs[0]
		}
	case *ast.ReturnStmt:
		if len(s.Results) == 1 {
			e = s.Results[0]
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	sym := sdk.CalleeSymbol(info, call)
	return sym == sdk.OsSetenv || sym == sdk.OsUnsetenv
}

// setenvFix removes the os.Setenv calls of a group: the SDK then finds no
// keys in the environment and uses the task role.
func setenvFix(pass *analysis.Pass, ms []member) (analysis.SuggestedFix, bool) {
	info := pass.TypesInfo
	var edits []analysis.TextEdit
	var spans []fixedit.Span
	for _, m := range ms {
		stmt, ok := setenvStmt(m.cur)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		switch s := stmt.Node().(type) {
		case *ast.ReturnStmt:
			// return os.Setenv(...) -> return nil
			if len(s.Results) != 1 {
				return analysis.SuggestedFix{}, false
			}
			call := m.cur.Node()
			edits = append(edits, analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte("nil")})
			spans = append(spans, fixedit.Span{Pos: call.Pos(), End: call.End()})
			continue
		case *ast.AssignStmt:
			// _ = os.Setenv(...); an error kept in a variable is used later.
			for _, l := range s.Lhs {
				if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
					return analysis.SuggestedFix{}, false
				}
			}
		case *ast.IfStmt:
			// if err := os.Setenv(...); err != nil { ... } with no else.
			as := s.Init.(*ast.AssignStmt)
			cond, ok := s.Cond.(*ast.BinaryExpr)
			if s.Else != nil || len(as.Lhs) != 1 || !ok || cond.Op != token.NEQ || !astq.IsNil(info, cond.Y) {
				return analysis.SuggestedFix{}, false
			}
			if id, ok := cond.X.(*ast.Ident); !ok || info.Uses[id] == nil || info.Uses[id] != info.ObjectOf(as.Lhs[0].(*ast.Ident)) {
				return analysis.SuggestedFix{}, false
			}
		}
		sp, ok := fixedit.Stmt(pass, stmt)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits = append(edits, analysis.TextEdit{Pos: sp.Pos, End: sp.End})
		spans = append(spans, sp)
	}
	more, ok := fixedit.Leftovers(pass, fixedit.File(pass, ms[0].f.Pos), spans)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	msg := "remove the os.Setenv call: without keys in the environment the SDK uses the ECS task role"
	if len(ms) > 1 {
		msg = fmt.Sprintf("remove the %d os.Setenv calls: without keys in the environment the SDK uses the ECS task role", len(ms))
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: append(edits, more...)}, true
}

// removeEntriesFix removes environment entries or container environment
// pairs (each an element of a composite literal or an argument of append)
// from the lists they stand in. An append left with nothing to append
// becomes its first argument (a statement env = append(env) goes).
func removeEntriesFix(pass *analysis.Pass, ms []member, msg string) (analysis.SuggestedFix, bool) {
	type list struct {
		cur  inspector.Cursor
		drop []int
	}
	var lists []*list
	byNode := map[ast.Node]*list{}
	for _, m := range ms {
		p := m.cur.Parent()
		idx := m.cur.ParentEdgeIndex()
		switch n := p.Node().(type) {
		case *ast.CompositeLit:
		case *ast.CallExpr:
			if !astq.IsAppend(pass.TypesInfo, n) || idx < 1 || n.Ellipsis.IsValid() {
				return analysis.SuggestedFix{}, false
			}
		default:
			return analysis.SuggestedFix{}, false
		}
		l := byNode[p.Node()]
		if l == nil {
			l = &list{cur: p}
			byNode[p.Node()] = l
			lists = append(lists, l)
		}
		l.drop = append(l.drop, idx)
	}
	var edits []analysis.TextEdit
	var spans []fixedit.Span
	for _, l := range lists {
		switch n := l.cur.Node().(type) {
		case *ast.CompositeLit:
			es, ss, ok := fixedit.Elems(pass, n.Elts, l.drop)
			if !ok {
				return analysis.SuggestedFix{}, false
			}
			edits, spans = append(edits, es...), append(spans, ss...)
		case *ast.CallExpr:
			if len(l.drop) < len(n.Args)-1 {
				es, ss, ok := fixedit.Elems(pass, n.Args, l.drop)
				if !ok {
					return analysis.SuggestedFix{}, false
				}
				edits, spans = append(edits, es...), append(spans, ss...)
				continue
			}
			// Nothing left to append.
			if as, ok := l.cur.Parent().Node().(*ast.AssignStmt); ok && len(as.Lhs) == 1 && sameVar(pass.TypesInfo, as.Lhs[0], n.Args[0]) {
				sp, ok := fixedit.Stmt(pass, l.cur.Parent())
				if !ok {
					return analysis.SuggestedFix{}, false
				}
				edits, spans = append(edits, analysis.TextEdit{Pos: sp.Pos, End: sp.End}), append(spans, sp)
				continue
			}
			tf, src, ok := fixedit.Source(pass, n.Pos())
			if !ok {
				return analysis.SuggestedFix{}, false
			}
			first := src[tf.Offset(n.Args[0].Pos()):tf.Offset(n.Args[0].End())]
			edits = append(edits, analysis.TextEdit{Pos: n.Pos(), End: n.End(), NewText: first})
			spans = append(spans, fixedit.Span{Pos: n.Args[1].Pos(), End: n.End()}, fixedit.Span{Pos: n.Pos(), End: n.Args[0].Pos()})
		}
	}
	more, ok := fixedit.Leftovers(pass, fixedit.File(pass, ms[0].f.Pos), spans)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: append(edits, more...)}, true
}
