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
	case sdk.V2:
		return c.v2TextFix(cur, m, file, errText)
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

// v2TextFix rewrites a text match on a v2 error into the code check the
// SDK documents (docs/rules/expiryerr.md), declaring the smithy.APIError
// variable errors.As needs just before the statement holding the match:
//
//	if strings.Contains(err.Error(), "ExpiredToken") {
//
// becomes
//
//	var apiErr smithy.APIError
//	if errors.As(err, &apiErr) && apiErr.ErrorCode() == "ExpiredToken" {
//
// The variable is named apiErr (apiErr2, ... for a second fix in the same
// block); no fix when that name is already visible or declared in the block.
func (c *checker) v2TextFix(cur inspector.Cursor, m textMatch, file *ast.File, errText string) []analysis.SuggestedFix {
	// The statement of a block that holds the match.
	stmt := cur
	for {
		p := stmt.Parent()
		if !p.Valid() {
			return nil
		}
		if _, ok := p.Node().(*ast.FuncLit); ok {
			return nil // the match is a closure's expression, not in its body
		}
		if _, ok := stmt.Node().(ast.Stmt); ok {
			switch p.Node().(type) {
			case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			default:
				stmt = p
				continue
			}
			break
		}
		stmt = p
	}
	if _, ok := stmt.Node().(*ast.LabeledStmt); ok {
		return nil
	}
	pos := stmt.Node().Pos()
	block := stmt.Parent()
	scope := c.info.Scopes[block.Node()]
	if scope == nil {
		// A function's body: its scope is the function type's.
		switch fn := block.Parent().Node().(type) {
		case *ast.FuncDecl:
			scope = c.info.Scopes[fn.Type]
		case *ast.FuncLit:
			scope = c.info.Scopes[fn.Type]
		}
	}
	if scope == nil || c.pass.ReadFile == nil {
		return nil
	}
	if c.fixVars == nil {
		c.fixVars = map[*types.Scope]int{}
	}
	n := c.fixVars[scope] + 1
	v := "apiErr"
	if n > 1 {
		v = fmt.Sprintf("apiErr%d", n)
	}
	if scope.Lookup(v) != nil {
		return nil
	}
	if _, obj := scope.LookupParent(v, pos); obj != nil {
		return nil
	}
	tf := c.pass.Fset.File(pos)
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil || tf.Size() != len(src) {
		return nil
	}
	indent := string(src[tf.Offset(tf.LineStart(tf.Line(pos))):tf.Offset(pos)])
	if strings.TrimSpace(indent) != "" {
		return nil
	}
	smithy, smithyEdits, ok := c.importFor(file, sdk.Smithy, "smithy", m.node)
	if !ok {
		return nil
	}
	errorsName, errorsEdits, ok := c.importStd(file, "errors", m.node)
	if !ok {
		return nil
	}
	check := fmt.Sprintf("%s.As(%s, &%s) && %s.ErrorCode() == %s", errorsName, errText, v, v, strconv.Quote(m.text))
	replacement := check
	if m.negate {
		replacement = "!(" + check + ")"
	} else if needsParens(cur) {
		replacement = "(" + check + ")"
	}
	edits := []analysis.TextEdit{
		{Pos: pos, End: pos, NewText: []byte(fmt.Sprintf("var %s %s.APIError\n%s", v, smithy, indent))},
		{Pos: m.node.Pos(), End: m.node.End(), NewText: []byte(replacement)},
	}
	imports := append(smithyEdits, errorsEdits...)
	if unused := c.unusedAfter(file, m.node); unused != nil {
		del := c.deleteImport(file, unused)
		replaced := false
		for i, e := range imports {
			if overlaps(del, e) {
				// The insertion point lies in the deleted line: the spec
				// becomes the new import instead.
				path := sdk.Smithy
				if i >= len(smithyEdits) {
					path = "errors"
				}
				imports[i] = analysis.TextEdit{Pos: unused.Path.Pos(), End: unused.Path.End(), NewText: []byte(strconv.Quote(path))}
				if unused.Name != nil {
					imports[i].Pos = unused.Name.Pos()
				}
				replaced = true
				break
			}
		}
		if !replaced {
			imports = append(imports, del)
		}
	}
	c.fixVars[scope] = n
	return []analysis.SuggestedFix{{
		Message:   "Check the error code with errors.As to smithy.APIError and ErrorCode()",
		TextEdits: append(edits, imports...),
	}}
}

// needsParens reports whether the expression at cur binds less tightly
// than an operand of its parent needs (a && b inside ||, a unary operand).
func needsParens(cur inspector.Cursor) bool {
	switch p := cur.Parent().Node().(type) {
	case *ast.UnaryExpr:
		return true
	case *ast.BinaryExpr:
		return p.Op != token.LAND
	}
	return false
}

// importStd returns the name under which file imports the standard
// library package path, adding the import among the file's standard
// library imports (sorted) if needed.
func (c *checker) importStd(file *ast.File, path string, at ast.Node) (string, []analysis.TextEdit, bool) {
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			return c.importFor(file, path, path, at)
		}
	}
	quoted := strconv.Quote(path)
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT || !gd.Lparen.IsValid() {
			continue
		}
		if name, _, ok := c.importFor(file, path, path, at); !ok || name != path {
			return "", nil, false // the name is taken
		}
		var lastStd *ast.ImportSpec
		for _, sp := range gd.Specs {
			spec := sp.(*ast.ImportSpec)
			p, err := strconv.Unquote(spec.Path.Value)
			if err != nil || strings.Contains(strings.Split(p, "/")[0], ".") {
				continue
			}
			if p > path {
				start := spec.Pos()
				return path, []analysis.TextEdit{{Pos: start, End: start, NewText: []byte(quoted + "\n\t")}}, true
			}
			lastStd = spec
		}
		if lastStd != nil {
			return path, []analysis.TextEdit{{Pos: lastStd.End(), End: lastStd.End(), NewText: []byte("\n\t" + quoted)}}, true
		}
		return path, []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + quoted + "\n")}}, true
	}
	return c.importFor(file, path, path, at)
}
