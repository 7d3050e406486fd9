// Package fixedit builds the text edits of credlint's suggested fixes
// that delete code: whole statements, elements of a list, and what a
// deletion leaves behind (a variable with no use left becomes _, an import
// with no use left goes). A fix must leave code that compiles and that go
// vet accepts; each builder refuses (ok == false) when it cannot be sure of
// that.
package fixedit

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Span is a range of source a fix deletes or replaces.
type Span struct{ Pos, End token.Pos }

func (s Span) contains(p token.Pos) bool { return s.Pos <= p && p < s.End }

// Source returns the bytes of the file holding pos, read through the pass.
func Source(pass *analysis.Pass, pos token.Pos) (*token.File, []byte, bool) {
	tf := pass.Fset.File(pos)
	if tf == nil || pass.ReadFile == nil {
		return nil, nil, false
	}
	src, err := pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil, nil, false
	}
	return tf, src, true
}

// Lines returns the span of the whole lines of n, when nothing but blanks
// precede it on its first line and nothing but a comment follows it (and a
// trailing comma, with comma) on its last: deleting the span leaves no
// blank line behind.
func Lines(pass *analysis.Pass, n ast.Node, comma bool) (Span, bool) {
	tf, src, ok := Source(pass, n.Pos())
	if !ok {
		return Span{}, false
	}
	start := tf.LineStart(tf.Line(n.Pos()))
	if strings.TrimSpace(string(src[tf.Offset(start):tf.Offset(n.Pos())])) != "" {
		return Span{}, false
	}
	end := tf.Offset(n.End())
	rest, _, _ := strings.Cut(string(src[end:]), "\n")
	r := strings.TrimSpace(rest)
	if comma {
		r = strings.TrimSpace(strings.TrimPrefix(r, ","))
	}
	if r != "" && !strings.HasPrefix(r, "//") {
		return Span{}, false
	}
	end += len(rest)
	if end < len(src) {
		end++ // the newline
	}
	return Span{start, tf.Pos(end)}, true
}

// Stmt returns the span that deletes the statement at cur: its whole
// lines, when it is a statement of a block or a case clause on lines of
// its own. The only statement of an if without else, init or a condition
// that could have an effect takes the if with it (no empty branch is left).
func Stmt(pass *analysis.Pass, cur inspector.Cursor) (Span, bool) {
	switch b := cur.Parent().Node().(type) {
	case *ast.BlockStmt:
		if ifs, ok := cur.Parent().Parent().Node().(*ast.IfStmt); ok && len(b.List) == 1 && ifs.Body == b && ifs.Else == nil && ifs.Init == nil && pure(ifs.Cond) {
			if s, ok := Stmt(pass, cur.Parent().Parent()); ok {
				return s, true
			}
		}
	case *ast.CaseClause, *ast.CommClause:
	default:
		return Span{}, false
	}
	return Lines(pass, cur.Node(), false)
}

// pure reports whether evaluating e can have no effect: identifiers,
// literals, field selections, comparisons and logic on them.
func pure(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return pure(e.X)
	case *ast.BinaryExpr:
		return pure(e.X) && pure(e.Y)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && pure(e.X)
	}
	return false
}

// Elems returns the edits that delete the elements of list whose indices
// are in drop (a composite literal's elements or a call's arguments): the
// whole lines of each when every dropped element stands on lines of its
// own, else the list rewritten as the kept elements' text, comma
// separated. All of list may be dropped. The spans are the source that is
// gone (for Leftovers).
func Elems(pass *analysis.Pass, list []ast.Expr, drop []int) ([]analysis.TextEdit, []Span, bool) {
	if len(drop) == 0 {
		return nil, nil, false
	}
	var edits []analysis.TextEdit
	var spans []Span
	for _, i := range drop {
		s, ok := Lines(pass, list[i], true)
		if !ok {
			edits, spans = nil, nil
			break
		}
		edits = append(edits, analysis.TextEdit{Pos: s.Pos, End: s.End})
		spans = append(spans, s)
	}
	if edits != nil {
		return edits, spans, true
	}
	tf, src, ok := Source(pass, list[0].Pos())
	if !ok {
		return nil, nil, false
	}
	var kept []string
	for i, e := range list {
		if slices.Contains(drop, i) {
			spans = append(spans, Span{e.Pos(), e.End()}) // what is gone: the kept elements are rewritten, not removed
		} else {
			kept = append(kept, string(src[tf.Offset(e.Pos()):tf.Offset(e.End())]))
		}
	}
	all := Span{list[0].Pos(), list[len(list)-1].End()}
	return []analysis.TextEdit{{Pos: all.Pos, End: all.End, NewText: []byte(strings.Join(kept, ", "))}}, spans, true
}

// Leftovers returns the edits that keep file compiling once the spans are
// deleted: each local variable whose every use lies in the spans (and
// that is defined outside them) becomes _ in its := definition (":="
// becomes "=" when no new variable is left), and each import whose every
// use lies in the spans is deleted. It fails when such a variable is
// defined another way (var, range, a parameter is fine: it may go unused).
func Leftovers(pass *analysis.Pass, file *ast.File, spans []Span) ([]analysis.TextEdit, bool) {
	in := func(p token.Pos) bool {
		return slices.ContainsFunc(spans, func(s Span) bool { return s.contains(p) })
	}
	info := pass.TypesInfo
	inside := map[types.Object]bool{}
	outside := map[types.Object]bool{}
	// Assigned outside without being used there: for the compiler, not a
	// use; a variable left with only these cannot be blanked either.
	stores := map[*ast.Ident]bool{}
	assigned := map[types.Object]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok != token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := ast.Unparen(l).(*ast.Ident); ok {
						stores[id] = true
					}
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				stores[id] = true
			}
		case *ast.Ident:
			obj := info.Uses[n]
			switch {
			case obj == nil:
			case in(n.Pos()):
				inside[obj] = true
			case stores[n]:
				assigned[obj] = true
			default:
				outside[obj] = true
			}
		}
		return true
	})
	var edits []analysis.TextEdit
	blanked := map[*ast.AssignStmt][]*ast.Ident{}
	var order []*ast.AssignStmt
	for obj := range inside {
		if outside[obj] {
			continue
		}
		switch obj := obj.(type) {
		case *types.PkgName:
			spec := importOf(info, file, obj)
			if spec == nil {
				return nil, false
			}
			s, ok := Lines(pass, spec, false)
			if !ok {
				return nil, false
			}
			edits = append(edits, analysis.TextEdit{Pos: s.Pos, End: s.End})
		case *types.Var:
			if obj.IsField() || obj.Parent() == nil || obj.Parent() == obj.Pkg().Scope() || in(obj.Pos()) || isParam(file, info, obj) {
				continue
			}
			if assigned[obj] {
				return nil, false // v = ... elsewhere: blanking v would leave that undefined
			}
			as, id := definition(file, info, obj)
			if as == nil {
				return nil, false
			}
			if blanked[as] == nil {
				order = append(order, as)
			}
			blanked[as] = append(blanked[as], id)
		}
	}
	for _, as := range order {
		ids := blanked[as]
		for _, id := range ids {
			edits = append(edits, analysis.TextEdit{Pos: id.Pos(), End: id.End(), NewText: []byte("_")})
		}
		newLeft := false
		for _, l := range as.Lhs {
			if id, ok := l.(*ast.Ident); ok && id.Name != "_" && info.Defs[id] != nil && !slices.Contains(ids, id) {
				newLeft = true
			}
		}
		if !newLeft {
			edits = append(edits, analysis.TextEdit{Pos: as.TokPos, End: as.TokPos + 2, NewText: []byte("=")})
		}
	}
	return edits, true
}

// definition returns the := statement that defines v and v's identifier
// there, or nil.
func definition(file *ast.File, info *types.Info, v *types.Var) (*ast.AssignStmt, *ast.Ident) {
	var as *ast.AssignStmt
	var def *ast.Ident
	ast.Inspect(file, func(n ast.Node) bool {
		if def != nil {
			return false
		}
		a, ok := n.(*ast.AssignStmt)
		if !ok || a.Tok != token.DEFINE {
			return true
		}
		for _, l := range a.Lhs {
			if id, ok := l.(*ast.Ident); ok && info.Defs[id] == v {
				as, def = a, id
				return false
			}
		}
		return true
	})
	return as, def
}

// isParam reports whether v is a parameter or result of a function in file.
func isParam(file *ast.File, info *types.Info, v *types.Var) bool {
	found := false
	ast.Inspect(file, func(n ast.Node) bool {
		ft, ok := n.(*ast.FuncType)
		if !ok || found {
			return !found
		}
		for _, fl := range []*ast.FieldList{ft.Params, ft.Results} {
			if fl == nil {
				continue
			}
			for _, f := range fl.List {
				for _, id := range f.Names {
					if info.Defs[id] == v {
						found = true
					}
				}
			}
		}
		return true
	})
	return found
}

func importOf(info *types.Info, file *ast.File, pn *types.PkgName) *ast.ImportSpec {
	for _, spec := range file.Imports {
		if info.PkgNameOf(spec) == pn {
			return spec
		}
	}
	return nil
}

// File returns the file of pass that holds pos.
func File(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
