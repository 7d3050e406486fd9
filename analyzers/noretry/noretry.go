package noretry

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

//go:embed doc.go
var doc string

// Analyzer is the noretry rule.
var Analyzer = rule.New(rule.Rule{
	Name:      "noretry",
	Doc:       doc,
	FactTypes: []analysis.Fact{new(DisablesRetries)},
	Run:       run,
})

// DisablesRetries is the fact that a function returns a value that
// disables retries (a retryer, a retryer func, an option or a config).
type DisablesRetries struct {
	SDK      sdk.SDK
	Knob     string // what disables them, e.g. "aws.NopRetryer"
	Where    string // file:line of the knob
	Attempts int64
	// Credentials is true when the knob also governs the ECS credential client.
	Credentials bool
	// Fix is what to do instead, for the knob's form (see fix).
	Fix string
}

// AFact marks DisablesRetries as a fact.
func (*DisablesRetries) AFact() {}

func (f *DisablesRetries) String() string {
	return fmt.Sprintf("disablesRetries(%s, %d attempt(s))", f.Knob, f.Attempts)
}

// form is how a knob is written, which decides the fix.
type form int

const (
	formRetryer    form = iota + 1 // a retryer that never retries: aws.NopRetryer, client.NoOpRetryer
	formNilRetryer                 // v1 request.WithRetryer(cfg, nil)
	formField                      // a field: RetryMaxAttempts, MaxAttempts, MaxRetries, NumMaxRetries
	formOmitted                    // v1 client.DefaultRetryer{} without NumMaxRetries
	formCall                       // config.WithRetryMaxAttempts, retry.AddWithMaxAttempts, WithMaxRetries
	formVar                        // the package default minio.MaxRetry
)

// hit is one knob found in the source.
type hit struct {
	node        ast.Node
	sdk         sdk.SDK
	form        form
	defaultZero bool // a v1 DefaultRetryer field: omitted means no retries
	knob        string
	attempts    int64
	credentials bool
	via         *DisablesRetries // set for uses of another package's function
	viaName     string           // that function, e.g. "retrylib.Nop"
}

func run(p *rule.Pass) (finding.List, error) {
	pass, reach, cfg := p.Pass, p.Reach, p.Config
	insp := reach.Inspector()
	info := pass.TypesInfo

	var out finding.List
	facts := map[*ast.FuncDecl]*DisablesRetries{}
	add := func(cur inspector.Cursor, h hit) {
		if h.attempts >= int64(cfg.Noretry.MinAttempts) {
			return
		}
		if h.sdk == sdk.V2 && h.via == nil && perCallOnUnrewindableBody(info, cur) {
			return // the SDK cannot retry that request anyway
		}
		if h.sdk == sdk.V2 && h.via == nil && presignOnly(info, cur) {
			return // presigning sends no request (presign.go)
		}
		h.credentials = h.credentials || appliesToCredentials(info, cur)
		f := finding.Finding{Pos: h.node.Pos(), End: h.node.End(), Message: message(h, cfg.Noretry.MinAttempts)}
		if h.via == nil && cur.Node() == h.node {
			if fix, ok := removeFix(pass, cur); ok {
				f.SuggestedFixes = []analysis.SuggestedFix{fix}
			}
		}
		out = append(out, f)
		if fd := returnedFrom(cur); fd != nil && facts[fd] == nil {
			f := &DisablesRetries{SDK: h.sdk, Knob: h.knob, Attempts: h.attempts, Credentials: h.credentials, Where: where(pass, h.node.Pos()), Fix: fix(h)}
			if h.via != nil {
				f.Knob, f.Where, f.Fix = h.via.Knob, h.via.Where, h.via.Fix
			}
			facts[fd] = f
		}
	}

	filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil)}
	for cur := range insp.Root().Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			t := info.TypeOf(n)
			if k, ok := sdk.NoRetryerType(t); ok {
				add(cur, hit{node: n, sdk: k.SDK, form: formRetryer, knob: sdk.TypeSymbol(t).String(), attempts: 1})
				continue
			}
			present := map[string]bool{}
			for _, el := range n.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				field := sdk.KeyedFieldSymbol(t, kv.Key)
				present[field.Name] = true
				if k, ok := sdk.FieldKnob(field); ok {
					if h, ok := valueHit(info, kv.Value, k, formField, field.String()); ok {
						add(cur.Child(kv).Child(kv.Value), h)
					}
				}
			}
			if name, k, ok := sdk.StructDefaultKnobs(t); ok && !present[name] {
				add(cur, hit{node: n, sdk: k.SDK, form: formOmitted, knob: sdk.TypeSymbol(t).String() + " without " + name, attempts: 1})
			}
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE || len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				var k sdk.Knob
				var name string
				var ok bool
				f := formVar
				switch l := ast.Unparen(lhs).(type) {
				case *ast.SelectorExpr:
					if field := sdk.FieldSymbol(info, l); field.Name != "" {
						k, ok = sdk.FieldKnob(field)
						name, f = field.String(), formField
					} else {
						sym := sdk.SymbolOf(info.Uses[l.Sel])
						k, ok = sdk.VarKnob(sym)
						name = sym.String()
					}
				case *ast.Ident:
					sym := sdk.SymbolOf(info.Uses[l])
					k, ok = sdk.VarKnob(sym)
					name = sym.String()
				}
				if !ok {
					continue
				}
				if h, ok := valueHit(info, n.Rhs[i], k, f, name); ok {
					add(cur.Child(n.Rhs[i]), h)
				}
			}
		case *ast.CallExpr:
			sym := sdk.CalleeSymbol(info, n)
			if k, ok := sdk.FuncKnob(sym); ok && k.Arg < len(n.Args) {
				if h, ok := valueHit(info, n.Args[k.Arg], k, formCall, sym.String()); ok {
					h.node = n
					add(cur, h)
				}
			}
			if s, ok := sdk.RetryerSetterOf(sym); ok && s.NilDisables && s.Arg < len(n.Args) && astq.IsNil(info, n.Args[s.Arg]) {
				add(cur, hit{node: n, sdk: s.SDK, form: formNilRetryer, knob: sym.String() + "(cfg, nil)", attempts: 1})
			}
		case *ast.Ident:
			// A function of another package that returns a retry-disabling value.
			obj := info.Uses[n]
			if obj == nil || obj.Pkg() == nil || obj.Pkg() == pass.Pkg {
				continue
			}
			var f DisablesRetries
			if _, isFunc := obj.(interface{ FullName() string }); isFunc && pass.ImportObjectFact(obj, &f) {
				add(cur, hit{node: n, sdk: f.SDK, knob: f.Knob, attempts: f.Attempts, credentials: f.Credentials, via: &f, viaName: obj.Pkg().Name() + "." + obj.Name()})
			}
		}
	}

	for fd, f := range facts {
		if obj := info.Defs[fd.Name]; obj != nil {
			pass.ExportObjectFact(obj, f)
		}
	}
	return out, nil
}

// valueHit evaluates a knob's constant value.
func valueHit(info *types.Info, e ast.Expr, k sdk.Knob, f form, name string) (hit, bool) {
	v, ok := sdk.IntArg(info, e)
	if !ok {
		return hit{}, false
	}
	attempts, finite := k.Attempts(v)
	if !finite {
		return hit{}, false
	}
	return hit{node: e, sdk: k.SDK, form: f, defaultZero: k.DefaultZero, knob: fmt.Sprintf("%s = %d", name, v), attempts: attempts}, true
}

// appliesToCredentials reports whether a knob sits inside a setting that
// also governs the ECS credential client (config.WithRetryer,
// config.LoadOptions.Retryer).
func appliesToCredentials(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.CallExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			if s, ok := sdk.RetryerSetterOf(sdk.CalleeSymbol(info, n)); ok && s.AppliesToCredentials {
				return true
			}
		case *ast.KeyValueExpr:
			if lit, ok := c.Parent().Node().(*ast.CompositeLit); ok {
				if s, ok := sdk.RetryerField(sdk.KeyedFieldSymbol(info.TypeOf(lit), n.Key)); ok && s.AppliesToCredentials {
					return true
				}
			}
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// returnedFrom returns the package-level function whose return statement
// (not one of a nested function literal) holds cur, or nil.
func returnedFrom(cur inspector.Cursor) *ast.FuncDecl {
	var ret bool
	for c := range cur.Enclosing((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.ReturnStmt:
			ret = true
		case *ast.FuncLit:
			if ret {
				return nil
			}
		case *ast.FuncDecl:
			if ret {
				return n
			}
			return nil
		}
	}
	return nil
}

func where(pass *analysis.Pass, pos token.Pos) string { return srctext.Where(pass.Fset, pos) }

// message says what the knob does, what fails because of it on ECS, and
// what to write instead.
func message(h hit, min int) string {
	what := h.knob
	fixText := fix(h)
	if h.via != nil {
		what = fmt.Sprintf("%s returns %s (%s), which", h.viaName, h.via.Knob, h.via.Where)
		fixText = h.via.Fix
	}
	var effect string
	switch {
	case h.attempts <= 0:
		effect = "allows no attempt at all"
	case h.attempts == 1:
		effect = "disables retries"
	default:
		effect = fmt.Sprintf("allows only %d attempts (noretry.min-attempts is %d)", h.attempts, min)
	}
	var why string
	switch h.sdk {
	case sdk.V1:
		why = "v1 refreshes credentials after ExpiredToken only on a retry"
	case sdk.Minio:
		why = "a throttle or a 5xx fails at once"
	default:
		why = "a 5xx or slow credential fetch fails at once"
		if h.credentials {
			why = "the ECS credential fetch is not retried either"
		}
	}
	if fixText == "" {
		return fmt.Sprintf("%s %s: %s", what, effect, why)
	}
	return fmt.Sprintf("%s %s: %s; %s", what, effect, why, fixText)
}

// fix says what to write instead of a knob, in the terms of its form: a
// retryer is dropped, a count is left at the SDK's default (each SDK's own
// meaning of 0 and of unset: docs/rules/noretry.md).
func fix(h hit) string {
	switch h.sdk {
	case sdk.V2:
		switch h.form {
		case formRetryer:
			return "drop it for the standard retryer (3 attempts)"
		case formField:
			return "use 0 (the default) or more"
		case formCall:
			return "drop it (3 attempts by default) or pass 3 or more"
		}
	case sdk.V1:
		switch {
		case h.form == formRetryer:
			return "drop it for the DefaultRetryer (3 retries)"
		case h.form == formNilRetryer:
			return "drop it: an unset Retryer makes 3 retries"
		case h.form == formOmitted || h.form == formField && h.defaultZero:
			return "set NumMaxRetries to client.DefaultRetryerMaxNumRetries (3)"
		case h.form == formField || h.form == formCall:
			return "leave MaxRetries unset (3 retries)"
		}
	case sdk.Minio:
		switch h.form {
		case formField:
			return "leave MaxRetries 0 (the default, minio.MaxRetry: 10 attempts)"
		case formVar:
			return "leave minio.MaxRetry at its default, 10"
		}
	}
	return ""
}
