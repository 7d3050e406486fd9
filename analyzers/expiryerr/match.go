package expiryerr

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

// Standard-library symbols the rule recognises.
var (
	symErrorsAs     = sdk.Symbol{Path: "errors", Name: "As"}
	symErrorsAsType = sdk.Symbol{Path: "errors", Name: "AsType"}
	symErrorsIs     = sdk.Symbol{Path: "errors", Name: "Is"}
	// context sentinels: errors.Is against them is no classification
	symContextCanceled         = sdk.Symbol{Path: "context", Name: "Canceled"}
	symContextDeadlineExceeded = sdk.Symbol{Path: "context", Name: "DeadlineExceeded"}
	symErrorsUnwrap            = sdk.Symbol{Path: "errors", Name: "Unwrap"}
	symErrorsJoin              = sdk.Symbol{Path: "errors", Name: "Join"}
	symFmtErrorf               = sdk.Symbol{Path: "fmt", Name: "Errorf"}
	symFmtSprint               = sdk.Symbol{Path: "fmt", Name: "Sprint"}
	symFmtSprintln             = sdk.Symbol{Path: "fmt", Name: "Sprintln"}
	symFmtSprintf              = sdk.Symbol{Path: "fmt", Name: "Sprintf"}
	symOsExit                  = sdk.Symbol{Path: "os", Name: "Exit"}
	symRuntimeGoexit           = sdk.Symbol{Path: "runtime", Name: "Goexit"}
	symSyscallExit             = sdk.Symbol{Path: "syscall", Name: "Exit"}
	symRegexpMatch             = sdk.Symbol{Path: "regexp", Name: "MatchString"}
	symContextErr              = sdk.Symbol{Path: "context", Recv: "Context", Name: "Err"}
	symContextDone             = sdk.Symbol{Path: "context", Recv: "Context", Name: "Done"}
)

// stringTests are the strings functions that test a text against another.
var stringTests = map[string]bool{
	"Contains": true, "HasPrefix": true, "HasSuffix": true, "EqualFold": true,
	"Index": true, "LastIndex": true, "Count": true,
}

// stringMaps are strings functions that keep the meaning of a text.
var stringMaps = map[string]bool{"ToLower": true, "ToUpper": true, "TrimSpace": true, "ToTitle": true}

var regexpCompilers = map[string]bool{"MustCompile": true, "Compile": true, "MustCompilePOSIX": true, "CompilePOSIX": true}

var regexpMatchers = map[string]bool{
	"MatchString": true, "Match": true, "FindString": true, "FindStringIndex": true,
	"FindStringSubmatch": true, "FindAllString": true, "Find": true, "FindIndex": true,
}

// expiryText reports whether a constant text tested against an error's
// text means an expired token (sdk.ExpiryText).
func expiryText(s string) bool { return sdk.ExpiryText(s) }

// expiryCode returns the expiry code s is exactly, or "".
func expiryCode(s string) bool { return slices.Contains(sdk.ExpiryCodes, s) }

// textMatch is an expiry test on an error's text.
type textMatch struct {
	node     ast.Node // the comparison
	err      ast.Expr // the error whose text is tested
	text     string   // the constant it is tested against
	how      string   // e.g. "strings.Contains"
	textExpr ast.Expr // the text expression, e.g. err.Error()
	negate   bool     // !=
	fixable  bool     // Contains/HasPrefix/EqualFold/==/!= on err.Error() directly
}

// textOf returns the error whose text e is: err.Error(), fmt.Sprint(err),
// fmt.Sprintf("%v", err), strings.ToLower of one, or a variable holding
// one.
func (f *flow) textOf(e ast.Expr, depth int) ast.Expr {
	if depth > maxDepth {
		return nil
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := f.info.Types[e.Fun]; ok && tv.IsType() {
			if len(e.Args) == 1 {
				return f.textOf(e.Args[0], depth+1) // []byte(err.Error())
			}
			return nil
		}
		fn := astq.Callee(f.info, e)
		if fn == nil {
			return nil
		}
		sym := sdk.SymbolOf(fn)
		switch {
		case sym == symFmtSprint || sym == symFmtSprintln:
			if len(e.Args) == 1 && implementsError(f.info.TypeOf(e.Args[0])) {
				return e.Args[0]
			}
		case sym == symFmtSprintf:
			if len(e.Args) == 2 && implementsError(f.info.TypeOf(e.Args[1])) {
				return e.Args[1]
			}
		case sym.Path == "strings" && sym.Recv == "" && stringMaps[sym.Name]:
			if len(e.Args) == 1 {
				return f.textOf(e.Args[0], depth+1)
			}
		case fn.Name() == "Error" && len(e.Args) == 0:
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if ok && implementsError(f.info.TypeOf(sel.X)) {
				return sel.X
			}
		}
	case *ast.Ident:
		v, _ := f.info.Uses[e].(*types.Var)
		if v == nil || !isString(v.Type()) {
			return nil
		}
		if a := f.lastAssign(v, e.Pos()); a != nil && a.idx < 0 {
			return f.textOf(a.rhs, depth+1)
		}
	}
	return nil
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// directErrorCall reports whether e is err.Error() on a plain identifier.
func directErrorCall(info *types.Info, e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Error" {
		return false
	}
	_, ok = ast.Unparen(sel.X).(*ast.Ident)
	return ok
}

// regexpPattern returns the constant pattern of a compiled regexp: an
// inline regexp.MustCompile("...") or a variable set from one.
func (f *flow) regexpPattern(e ast.Expr, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		sym := sdk.CalleeSymbol(f.info, e)
		if sym.Path == "regexp" && sym.Recv == "" && regexpCompilers[sym.Name] && len(e.Args) == 1 {
			return astq.StringConst(f.info, e.Args[0])
		}
	case *ast.Ident:
		if v, _ := f.info.Uses[e].(*types.Var); v != nil {
			if a := f.lastAssign(v, e.Pos()); a != nil && a.idx < 0 {
				return f.regexpPattern(a.rhs, depth+1)
			}
		}
	}
	return "", false
}

// matchText recognises an expiry test on an error's text at n.
func (f *flow) matchText(n ast.Node) (textMatch, bool) {
	switch n := n.(type) {
	case *ast.CallExpr:
		fn := astq.Callee(f.info, n)
		if fn == nil {
			return textMatch{}, false
		}
		sym := sdk.SymbolOf(fn)
		switch {
		case sym.Path == "strings" && sym.Recv == "" && stringTests[sym.Name] && len(n.Args) == 2:
			orders := [][2]int{{0, 1}}
			if sym.Name == "EqualFold" {
				orders = append(orders, [2]int{1, 0})
			}
			for _, o := range orders {
				text, ok := astq.StringConst(f.info, n.Args[o[1]])
				if !ok || !expiryText(text) {
					continue
				}
				if err := f.textOf(n.Args[o[0]], 0); err != nil {
					fixable := sym.Name == "Contains" || sym.Name == "HasPrefix" || sym.Name == "EqualFold"
					return textMatch{node: n, err: err, text: text, how: "strings." + sym.Name, textExpr: n.Args[o[0]],
						fixable: fixable && directErrorCall(f.info, n.Args[o[0]])}, true
				}
			}
		case sym == symRegexpMatch && len(n.Args) == 2:
			if pat, ok := astq.StringConst(f.info, n.Args[0]); ok && expiryText(pat) {
				if err := f.textOf(n.Args[1], 0); err != nil {
					return textMatch{node: n, err: err, text: pat, how: "regexp.MatchString", textExpr: n.Args[1]}, true
				}
			}
		case sym.Path == "regexp" && sym.Recv == "Regexp" && regexpMatchers[sym.Name] && len(n.Args) >= 1:
			sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !ok {
				break
			}
			if pat, ok := f.regexpPattern(sel.X, 0); ok && expiryText(pat) {
				if err := f.textOf(n.Args[0], 0); err != nil {
					return textMatch{node: n, err: err, text: pat, how: "regexp " + sym.Name, textExpr: n.Args[0]}, true
				}
			}
		}
	case *ast.BinaryExpr:
		if n.Op != token.EQL && n.Op != token.NEQ {
			break
		}
		for _, o := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
			text, ok := astq.StringConst(f.info, o[1])
			if !ok || !expiryText(text) {
				continue
			}
			if err := f.textOf(o[0], 0); err != nil {
				return textMatch{node: n, err: err, text: text, how: n.Op.String(), textExpr: o[0],
					negate: n.Op == token.NEQ, fixable: directErrorCall(f.info, o[0])}, true
			}
		}
	}
	return textMatch{}, false
}

// codeOf returns the error (or classified error) whose code e is:
// apiErr.ErrorCode(), awsErr.Code(), minio.ToErrorResponse(err).Code,
// resp.Code, or a variable holding one.
func (f *flow) codeOf(e ast.Expr, depth int) (ast.Expr, bool) {
	if depth > maxDepth {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn := astq.Callee(f.info, e)
		if _, ok := sdk.ErrorCodeMethod(fn); ok {
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				return sel.X, true
			}
		}
		if sym := sdk.CalleeSymbol(f.info, e); sym.Path == "strings" && sym.Recv == "" && stringMaps[sym.Name] && len(e.Args) == 1 {
			return f.codeOf(e.Args[0], depth+1)
		}
	case *ast.SelectorExpr:
		if _, ok := sdk.ErrorCodeField(sdk.FieldSymbol(f.info, e)); ok {
			return e.X, true
		}
	case *ast.Ident:
		if v, _ := f.info.Uses[e].(*types.Var); v != nil && isString(v.Type()) {
			if a := f.lastAssign(v, e.Pos()); a != nil && a.idx < 0 {
				return f.codeOf(a.rhs, depth+1)
			}
		}
	}
	return nil, false
}

// codeMatch is an expiry test on an SDK error's code.
type codeMatch struct {
	node ast.Node
	recv ast.Expr // the classified error, e.g. apiErr
	code string
}

// matchCode recognises code == "ExpiredToken" (or !=, strings.EqualFold)
// at n.
func (f *flow) matchCode(n ast.Node) (codeMatch, bool) {
	var pairs [][2]ast.Expr
	switch n := n.(type) {
	case *ast.BinaryExpr:
		if n.Op == token.EQL || n.Op == token.NEQ {
			pairs = [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}}
		}
	case *ast.CallExpr:
		sym := sdk.CalleeSymbol(f.info, n)
		if sym.Path == "strings" && sym.Recv == "" && sym.Name == "EqualFold" && len(n.Args) == 2 {
			pairs = [][2]ast.Expr{{n.Args[0], n.Args[1]}, {n.Args[1], n.Args[0]}}
		}
	}
	for _, p := range pairs {
		code, ok := astq.StringConst(f.info, p[1])
		if !ok || !expiryCode(code) {
			continue
		}
		if recv, ok := f.codeOf(p[0], 0); ok {
			return codeMatch{n, recv, code}, true
		}
	}
	return codeMatch{}, false
}

// switchCases returns the case expressions of a switch on an error's text
// or code that test for expiry, with the tested error (or classified
// error) and whether the switch is on the code.
func (f *flow) switchCases(sw *ast.SwitchStmt) (cases []ast.Expr, err ast.Expr, byCode bool) {
	if sw.Tag == nil {
		return nil, nil, false
	}
	if recv, ok := f.codeOf(sw.Tag, 0); ok {
		err, byCode = recv, true
	} else if e := f.textOf(sw.Tag, 0); e != nil {
		err = e
	} else {
		return nil, nil, false
	}
	for _, st := range sw.Body.List {
		cl, ok := st.(*ast.CaseClause)
		if !ok {
			continue
		}
		for _, e := range cl.List {
			s, ok := astq.StringConst(f.info, e)
			if ok && ((byCode && expiryCode(s)) || (!byCode && expiryText(s))) {
				cases = append(cases, e)
			}
		}
	}
	return cases, err, byCode
}
