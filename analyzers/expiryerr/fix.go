package expiryerr

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/passes/sdk"
)

// textFix offers the code-based check for a text match where the rewrite
// is mechanical and compiles: v1 request.IsErrorExpiredCreds(err), minio
// minio.ToErrorResponse(err).Code == "ExpiredToken". Only for
// strings.Contains/HasPrefix/EqualFold, == and != on err.Error() of an
// error straight from an S3 client method (not wrapped: both classifiers
// look at the error itself; not an s3manager method: v1 wraps their
// errors), against an expiry code. v2 has no expression-sized check
// (errors.As needs a variable), so it gets no fix.
func (c *checker) textFix(cur inspector.Cursor, m textMatch, src *source) []analysis.SuggestedFix {
	if !m.fixable || src.wrapped || src.head || src.transfer || src.via != "" || !expiryCode(m.text) {
		return nil
	}
	errText := exprText(m.err)
	if errText == "" {
		return nil
	}
	file := c.files[c.pass.Fset.File(m.node.Pos())]
	if file == nil {
		return nil
	}
	var path, name, newText string
	switch src.sdk {
	case sdk.V1:
		path, name = sdk.V1Request, "request"
	case sdk.Minio:
		path, name = sdk.MinioPkg, "minio"
	default:
		return nil
	}
	local, importEdits, ok := c.importFor(file, path, name, m.node)
	if !ok {
		return nil
	}
	switch src.sdk {
	case sdk.V1:
		newText = fmt.Sprintf("%s.IsErrorExpiredCreds(%s)", local, errText)
		if m.negate {
			newText = "!" + newText
		}
	case sdk.Minio:
		op := "=="
		if m.negate {
			op = "!="
		}
		newText = fmt.Sprintf("%s.ToErrorResponse(%s).Code %s %s", local, errText, op, strconv.Quote(m.text))
	}
	replacement := newText
	if _, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && src.sdk == sdk.Minio {
		replacement = "(" + newText + ")"
	}
	edits := []analysis.TextEdit{{Pos: m.node.Pos(), End: m.node.End(), NewText: []byte(replacement)}}
	// The strings import may be left unused: delete it (or, when it is the
	// file's only import, turn it into the new one).
	if unused := c.unusedAfter(file, m.node); unused != nil {
		del := c.deleteImport(file, unused)
		switch {
		case len(importEdits) > 0 && overlaps(del, importEdits[0]):
			importEdits = []analysis.TextEdit{{Pos: unused.Pos(), End: unused.End(), NewText: []byte(strconv.Quote(path))}}
		default:
			importEdits = append(importEdits, del)
		}
	}
	edits = append(edits, importEdits...)
	return []analysis.SuggestedFix{{
		Message:   "Check the error code with " + newText,
		TextEdits: edits,
	}}
}

func overlaps(a, b analysis.TextEdit) bool { return a.Pos <= b.End && b.Pos <= a.End }

// exprText is the source text of e, a plain identifier, or "".
func exprText(e ast.Expr) string {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return ""
	}
	return id.Name
}

// importFor returns the name under which file imports path, adding the
// import (as name) if needed. It fails when name is taken at pos or the
// package is imported as _ or with a dot.
func (c *checker) importFor(file *ast.File, path, name string, at ast.Node) (string, []analysis.TextEdit, bool) {
	for _, imp := range file.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		if imp.Name != nil {
			if imp.Name.Name == "_" || imp.Name.Name == "." {
				continue
			}
			return imp.Name.Name, nil, c.resolvesToImport(file, imp.Name.Name, at.Pos(), path)
		}
		return name, nil, c.resolvesToImport(file, name, at.Pos(), path)
	}
	// Not imported: the name must be free in the file and at the position.
	if scope := c.info.Scopes[file]; scope != nil && scope.Lookup(name) != nil {
		return "", nil, false
	}
	if inner := c.pass.Pkg.Scope().Innermost(at.Pos()); inner != nil {
		if _, obj := inner.LookupParent(name, at.Pos()); obj != nil {
			return "", nil, false
		}
	}
	quoted := strconv.Quote(path)
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			// After the last import from outside the standard library, so
			// that the new one joins that group.
			for i := len(gd.Specs) - 1; i >= 0; i-- {
				spec := gd.Specs[i].(*ast.ImportSpec)
				if p, err := strconv.Unquote(spec.Path.Value); err == nil && strings.Contains(strings.Split(p, "/")[0], ".") {
					return name, []analysis.TextEdit{{Pos: spec.End(), End: spec.End(), NewText: []byte("\n\t" + quoted)}}, true
				}
			}
			return name, []analysis.TextEdit{{Pos: gd.Rparen, End: gd.Rparen, NewText: []byte("\t" + quoted + "\n")}}, true
		}
		return name, []analysis.TextEdit{{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport " + quoted)}}, true
	}
	return name, []analysis.TextEdit{{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + quoted)}}, true
}

// resolvesToImport reports whether name at pos denotes the package path.
func (c *checker) resolvesToImport(file *ast.File, name string, pos token.Pos, path string) bool {
	inner := c.pass.Pkg.Scope().Innermost(pos)
	if inner == nil {
		return false
	}
	_, obj := inner.LookupParent(name, pos)
	pn, ok := obj.(*types.PkgName)
	return ok && sdk.PackagePath(pn.Imported()) == path
}

// unusedAfter returns the import spec of the package whose selector n
// calls (strings.Contains) when n is that package's only use in the file.
func (c *checker) unusedAfter(file *ast.File, n ast.Node) *ast.ImportSpec {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	pn, _ := c.info.Uses[id].(*types.PkgName)
	if pn == nil {
		return nil
	}
	used := false
	ast.Inspect(file, func(x ast.Node) bool {
		if used {
			return false
		}
		if x == n {
			return false
		}
		if i, ok := x.(*ast.Ident); ok && c.info.Uses[i] == pn {
			used = true
		}
		return true
	})
	if used {
		return nil
	}
	for _, imp := range file.Imports {
		if c.info.PkgNameOf(imp) == pn {
			return imp
		}
	}
	return nil
}

// deleteImport removes an import spec's line (or its whole declaration
// when it is the only spec).
func (c *checker) deleteImport(file *ast.File, spec *ast.ImportSpec) analysis.TextEdit {
	tf := c.pass.Fset.File(spec.Pos())
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			if s != spec {
				continue
			}
			if len(gd.Specs) == 1 {
				return analysis.TextEdit{Pos: gd.Pos(), End: gd.End()}
			}
			line := tf.Line(spec.Pos())
			start := tf.LineStart(line)
			end := spec.End()
			if line < tf.LineCount() {
				end = tf.LineStart(line + 1)
			}
			return analysis.TextEdit{Pos: start, End: end}
		}
	}
	return analysis.TextEdit{Pos: spec.Pos(), End: spec.End()}
}
