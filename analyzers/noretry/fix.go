package noretry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/fixedit"
	"github.com/credlint/credlint/passes/sdk"
)

// removeFix removes a retry-disabling setting where what is left means
// the SDK's default retries (docs/rules/noretry.md, "Fix"):
//
//   - a field of a struct literal whose zero value means the default
//     (v2 RetryMaxAttempts, minio MaxRetries, v1 MaxRetries as a *int
//     left nil, a Retryer left nil), not v1 client.DefaultRetryer's
//     NumMaxRetries, whose zero is no retry;
//   - an assignment statement (o.RetryMaxAttempts = 1, minio.MaxRetry = 1):
//     the setting keeps the value it had;
//   - an option among a call's variadic arguments
//     (config.WithRetryMaxAttempts(1) in LoadDefaultConfig's options);
//   - a call that returns its receiver or first argument with the
//     setting applied: aws.NewConfig().WithMaxRetries(0) becomes
//     aws.NewConfig(), request.WithRetryer(cfg, nil) becomes cfg.
//
// cur is the knob: the field's value, the assigned value or the call.
func removeFix(pass *analysis.Pass, cur inspector.Cursor) (analysis.SuggestedFix, bool) {
	info := pass.TypesInfo
	var edits []analysis.TextEdit
	var spans []fixedit.Span
	msg := ""
	switch p := cur.Parent().Node().(type) {
	case *ast.KeyValueExpr:
		lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
		if !ok || p.Value != cur.Node() || !zeroIsDefault(info, lit, p) {
			return analysis.SuggestedFix{}, false
		}
		es, ss, ok := fixedit.Elems(pass, lit.Elts, []int{cur.Parent().ParentEdgeIndex()})
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits, spans = es, ss
		msg = "remove " + types.ExprString(p.Key) + ": the SDK's default retries apply"
	case *ast.AssignStmt:
		if len(p.Lhs) != 1 || len(p.Rhs) != 1 || p.Tok != token.ASSIGN {
			return analysis.SuggestedFix{}, false
		}
		sp, ok := fixedit.Stmt(pass, cur.Parent())
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits, spans = []analysis.TextEdit{{Pos: sp.Pos, End: sp.End}}, []fixedit.Span{sp}
		msg = "remove the assignment to " + types.ExprString(p.Lhs[0]) + ": the SDK's default retries apply"
	default:
		call, ok := cur.Node().(*ast.CallExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		es, ss, m, ok := callFix(pass, cur, call)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		edits, spans, msg = es, ss, m
	}
	more, ok := fixedit.Leftovers(pass, fixedit.File(pass, cur.Node().Pos()), spans)
	if !ok {
		return analysis.SuggestedFix{}, false
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: append(edits, more...)}, true
}

// zeroIsDefault reports whether leaving out the field kv of lit means
// the SDK's default retries.
func zeroIsDefault(info *types.Info, lit *ast.CompositeLit, kv *ast.KeyValueExpr) bool {
	field := sdk.KeyedFieldSymbol(info.TypeOf(lit), kv.Key)
	if _, ok := sdk.RetryerField(field); ok {
		return true // a nil retryer: the default one
	}
	k, ok := sdk.FieldKnob(field)
	if !ok {
		return false
	}
	switch k.Unit {
	case sdk.AttemptsV2, sdk.AttemptsMinio:
		return true // 0 means the default
	case sdk.RetriesV1:
		id, ok := kv.Key.(*ast.Ident)
		if !ok || info.ObjectOf(id) == nil {
			return false
		}
		_, ptr := info.ObjectOf(id).Type().(*types.Pointer)
		return ptr // nil means the default; a plain int 0 means no retry
	}
	return false
}

// callFix removes a call that sets a retry knob: an option argument goes,
// a call returning its receiver or first argument becomes that.
func callFix(pass *analysis.Pass, cur inspector.Cursor, call *ast.CallExpr) ([]analysis.TextEdit, []fixedit.Span, string, bool) {
	info := pass.TypesInfo
	result := info.TypeOf(call)
	if result == nil {
		return nil, nil, "", false
	}
	// An option: a function value among a variadic call's options.
	if _, isFunc := result.Underlying().(*types.Signature); isFunc {
		p, ok := cur.Parent().Node().(*ast.CallExpr)
		if !ok {
			return nil, nil, "", false
		}
		i := cur.ParentEdgeIndex()
		sig, isSig := info.TypeOf(p.Fun).Underlying().(*types.Signature)
		if !isSig || !sig.Variadic() || p.Ellipsis.IsValid() || i < sig.Params().Len()-1 || i >= len(p.Args) || p.Args[i] != call {
			return nil, nil, "", false
		}
		es, ss, ok := fixedit.Elems(pass, p.Args, []int{i})
		return es, ss, "remove the option " + types.ExprString(call.Fun) + ": the SDK's default retries apply", ok
	}
	// The same value back, with the setting applied.
	var keep ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && info.Selections[sel] != nil && info.Selections[sel].Kind() == types.MethodVal {
		if t := info.TypeOf(sel.X); t != nil && types.Identical(t, result) {
			keep = sel.X // cfg.WithMaxRetries(0) -> cfg
		}
	} else if len(call.Args) > 0 {
		if t := info.TypeOf(call.Args[0]); t != nil && types.Identical(t, result) {
			keep = call.Args[0] // request.WithRetryer(cfg, nil) -> cfg
		}
	}
	if keep == nil {
		return nil, nil, "", false
	}
	tf, src, ok := fixedit.Source(pass, call.Pos())
	if !ok {
		return nil, nil, "", false
	}
	text := src[tf.Offset(keep.Pos()):tf.Offset(keep.End())]
	edits := []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: text}}
	spans := []fixedit.Span{{Pos: call.Pos(), End: keep.Pos()}, {Pos: keep.End(), End: call.End()}}
	msg := "use " + string(text) + " without " + types.ExprString(call.Fun) + ": the SDK's default retries apply"
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && keep == sel.X {
		msg = "drop ." + sel.Sel.Name + "(...): the SDK's default retries apply"
	}
	return edits, spans, msg, true
}
