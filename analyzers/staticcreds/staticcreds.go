package staticcreds

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/sdk"
)

//go:embed doc.go
var doc string

// Analyzer is the staticcreds rule.
var Analyzer = rule.New(rule.Rule{
	Name:    "staticcreds",
	Doc:     doc,
	EnvOnly: true,
	Flow:    true,
	Run:     run,
})

func run(p *rule.Pass) (finding.List, error) {
	pass, cfg, flow := p.Pass, p.Config, p.Flow
	insp := p.Reach.Inspector()
	info := pass.TypesInfo

	var out finding.List
	done := map[ast.Node]bool{}
	// Pieces of one key set, grouped into one finding each (group.go).
	setenvs := map[any][]member{}
	pairs := map[ast.Node][]member{}
	var setenvOrder []any
	var pairOrder []ast.Node
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.ReturnStmt)(nil), (*ast.AssignStmt)(nil)) {
		n := cur.Node()
		if lit, ok := n.(*ast.CompositeLit); ok {
			if f, name, ok := envPair(info, flow, lit); ok {
				elem := cur // the element of the Environment list: the pair, or &pair
				if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
					elem = cur.Parent()
				}
				key := elem.Parent().Node()
				if _, ok := key.(*ast.CompositeLit); !ok {
					key = lit
				}
				if pairs[key] == nil {
					pairOrder = append(pairOrder, key)
				}
				pairs[key] = append(pairs[key], member{elem, f, name})
				continue
			}
		}
		if fs := escapes(pass, flow, cur, done); len(fs) > 0 {
			out = append(out, fs...)
			continue
		}
		switch n.(type) {
		case *ast.ReturnStmt, *ast.AssignStmt:
			continue
		}
		if call, ok := n.(*ast.CallExpr); ok && sdk.CalleeSymbol(info, call) == sdk.OsSetenv && len(call.Args) == 2 {
			if name, ok := astq.StringConst(info, call.Args[0]); ok && sdk.IsCredentialEnvVar(name) {
				key := setenvKey(info, cur)
				if setenvs[key] == nil {
					setenvOrder = append(setenvOrder, key)
				}
				f := finding.Finding{Pos: call.Pos(), End: call.End(), Message: setenvMessage(flow, call, name)}
				setenvs[key] = append(setenvs[key], member{cur, f, fmt.Sprintf("os.Setenv(%q, ...)", name)})
			}
			continue
		}
		kind, ok := flow.IsConstruction(n)
		if !ok {
			continue
		}
		o, ok := flow.Construction(n)
		if !ok {
			continue // constant empty keys: anonymous
		}
		if inAdapter(info, cur) {
			continue
		}
		if (kind == sdk.CredEnv || kind == sdk.CredSharedFile) && flow.InRefreshingChain(cur) {
			continue
		}
		if kind == sdk.CredEnv && flow.EnvMissing(cur) {
			continue // the variables were just found empty: an anonymous fallback
		}
		if o.Prov.Placeholder {
			continue // an access key that cannot be AWS's: it authenticates nowhere on AWS
		}
		if !cfg.Staticcreds.ReportNonAWSEndpoints && !o.Prov.AWSKey {
			// Keys of clients that only talk to MinIO, LocalStack, R2, ...
			// AWS-shaped literal keys stay reported wherever they are.
			if _, ok := flow.NonAWSOnly(n); ok {
				continue
			}
		}
		if cfg.Staticcreds.AllowConfiguredKeys && o.Prov.Kind == credflow.ProvConfig && o.Prov.Token == credflow.NoToken {
			continue // a session token means temporary credentials: still reported
		}
		f := finding.Finding{Pos: n.Pos(), End: n.End(), Message: message(o, kind)}
		if fix, ok := suggestFix(pass, cur); ok {
			f.SuggestedFixes = []analysis.SuggestedFix{fix}
		} else if fix, ok := snapshotFix(pass, flow, cur); ok && o.Prov.Kind == credflow.ProvSnapshot {
			f.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		out = append(out, f)
	}
	for _, key := range setenvOrder {
		ms := setenvs[key]
		fix, ok := setenvFix(pass, ms)
		out = append(out, merge(ms, fix, ok))
	}
	for _, key := range pairOrder {
		ms := pairs[key]
		fix, ok := removeEntriesFix(pass, ms, "remove the credential variables from the container environment: the task then uses its own task role")
		out = append(out, merge(ms, fix, ok))
	}
	return out, nil
}

// inAdapter reports whether cur is inside the Retrieve method of a
// credentials provider type of the user's own, or inside a function
// converted to aws.CredentialsProviderFunc: code that runs again each time
// the credentials are needed (a refresh adapter), not once.
func inAdapter(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncLit:
			if call, ok := c.Parent().Node().(*ast.CallExpr); ok {
				if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && sdk.TypeSymbol(tv.Type) == sdk.CredentialsProviderFunc {
					return true
				}
			}
		case *ast.FuncDecl:
			fn, _ := info.Defs[n.Name].(*types.Func)
			return fn != nil && sdk.IsRetrieveMethod(fn)
		}
	}
	return false
}

// message names the construction, where its keys come from, why that
// fails on ECS and the fix, in one clause each; docs/rules/staticcreds.md
// has the mechanism. A provenance expression is shortened (whole words,
// its position kept) until the message fits finding.MaxMessage.
func message(o *credflow.Origin, kind sdk.CredKind) string {
	return fitted(func(max int) string { return messageFit(o, kind, max) })
}

// fitted returns the first of render(40), render(32), ... that fits the
// message budget: provenance expressions are shortened only as far as the
// message needs.
func fitted(render func(max int) string) string {
	var m string
	for _, max := range []int{40, 32, 24, 16} {
		if m = render(max); utf8.RuneCountInString(m) <= finding.MaxMessage {
			break
		}
	}
	return m
}

// messageFit is message with provenance expressions of at most max
// characters.
func messageFit(o *credflow.Origin, kind sdk.CredKind, max int) string {
	p := o.Prov
	c := construct(o)
	if (p.Kind == credflow.ProvEnv || p.Kind == credflow.ProvConfig) && p.Detail != "" {
		c = o.Ctor // the keys' sources follow: the arguments would repeat them
	}
	switch {
	case kind == sdk.CredEnv:
		vars := finding.ClipList(p.Detail, 40)
		if vars == "" {
			vars = "AWS keys from the environment"
		}
		return fmt.Sprintf("%s reads %s once: environment keys override the ECS task role and never refresh; %s", c, vars, advice(o.SDK))
	case kind == sdk.CredSharedFile:
		return fmt.Sprintf("%s reads the shared credentials file once: it bypasses the ECS task role and never refreshes; %s", c, advice(o.SDK))
	case p.Kind == credflow.ProvSTS:
		return fmt.Sprintf("%s freezes STS credentials (%s): they expire; %s", c, detail(p.Detail, max), stsAdvice(o.SDK))
	case p.Kind == credflow.ProvSnapshot:
		return fmt.Sprintf("%s freezes a snapshot (%s): it expires within hours; pass the provider instead", c, detail(p.Detail, max))
	case p.Kind == credflow.ProvLiteral:
		return fmt.Sprintf("%s builds static keys from literals (%s): a secret in the source that never refreshes; %s", c, p.Detail, advice(o.SDK))
	case p.Kind == credflow.ProvEnv:
		return fmt.Sprintf("%s builds static keys from %s: %s; %s", c, finding.ClipList(p.Detail, 30), why(p.Token), advice(o.SDK))
	case p.Kind == credflow.ProvConfig:
		return fmt.Sprintf("%s builds static keys from config (%s): %s; %s", c, finding.ClipList(p.Detail, 32), why(p.Token), advice(o.SDK))
	}
	return fmt.Sprintf("%s builds static keys: %s; %s", c, why(p.Token), advice(o.SDK))
}

// construct renders a construction for a message: as written when short,
// else its constructor.
func construct(o *credflow.Origin) string {
	return finding.Brief(o.Text, o.Ctor, 48)
}

// why says why static keys fail on ECS: with a session token they are
// temporary and expire.
func why(t credflow.TokenState) string {
	if t == credflow.HasToken {
		return "temporary keys that bypass the ECS task role and expire"
	}
	return "they bypass the ECS task role, never refresh"
}

// detail shortens a provenance detail "expr at path/file.go:line" for a
// message to an expression of at most max characters, keeping the
// position whole.
func detail(d string, max int) string {
	expr, at := finding.SplitAt(d)
	if at == "" {
		return finding.Clip(d, max+20)
	}
	return finding.Clip(expr, max) + " at " + at
}

// stsAdvice names the SDK's provider that calls STS again before the
// credentials expire.
func stsAdvice(s sdk.SDK) string {
	switch s {
	case sdk.V1:
		return "use stscreds.NewCredentials"
	case sdk.Minio:
		return "use credentials.NewSTSAssumeRole"
	}
	return "use stscreds.NewAssumeRoleProvider"
}

func advice(s sdk.SDK) string {
	switch s {
	case sdk.V1:
		return "use the default chain"
	case sdk.Minio:
		return `use credentials.NewIAM("")`
	}
	return "use the default chain"
}

// setenvMessage reports os.Setenv of an AWS credential variable.
func setenvMessage(flow *credflow.Flow, call *ast.CallExpr, name string) string {
	what := "puts AWS keys in the process environment"
	p := flow.KeyProv(call.Args[1])
	switch p.Kind {
	case credflow.ProvSnapshot:
		what = fmt.Sprintf("exports a snapshot (%s)", detail(p.Detail, 40))
	case credflow.ProvSTS:
		what = fmt.Sprintf("exports STS credentials (%s)", detail(p.Detail, 40))
	case credflow.ProvLiteral:
		what = "exports a literal secret"
	}
	why := "they override the ECS task role and never refresh"
	if sdk.IsSessionTokenVar(name) || p.Kind == credflow.ProvSnapshot || p.Kind == credflow.ProvSTS {
		why = "they override the ECS task role and expire"
	}
	return fmt.Sprintf("os.Setenv(%q, ...) %s: %s; use the task role", name, what, why)
}

// suggestFix removes a static provider built from exactly the variables
// the default chain reads anyway, when the default chain gets it:
//
//	config.LoadDefaultConfig(ctx, config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), os.Getenv("AWS_SECRET_ACCESS_KEY"), os.Getenv("AWS_SESSION_TOKEN"))))
//	session.NewSession(&aws.Config{Credentials: credentials.NewEnvCredentials()})
//
// Without the provider, the default chain reads the same variables when
// they are set and falls back to the ECS task role when they are not.
func suggestFix(pass *analysis.Pass, cur inspector.Cursor) (analysis.SuggestedFix, bool) {
	info := pass.TypesInfo
	n := cur.Node()
	if !fromDefaultEnv(info, n) {
		return analysis.SuggestedFix{}, false
	}
	parent := cur.Parent()
	switch pn := parent.Node().(type) {
	case *ast.CallExpr:
		// config.WithCredentialsProvider(<n>) as an argument of LoadDefaultConfig.
		sym := sdk.CalleeSymbol(info, pn)
		if i, ok := sdk.CredSetter(sym); !ok || sym.Recv != "" || i >= len(pn.Args) || pn.Args[i] != n {
			return analysis.SuggestedFix{}, false
		}
		load, ok := parent.Parent().Node().(*ast.CallExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		c, ok := sdk.ConstructorOf(sdk.CalleeSymbol(info, load))
		if !ok || !c.Default || c.Kind != sdk.Config {
			return analysis.SuggestedFix{}, false
		}
		i := slices.Index(load.Args, ast.Expr(pn))
		if i < 1 || (load.Ellipsis.IsValid() && i == len(load.Args)-1) {
			return analysis.SuggestedFix{}, false
		}
		return removal(pass, load.Args[i-1].End(), pn.End(), "remove the static provider: config.LoadDefaultConfig reads the same environment variables itself and falls back to the ECS task role"), true
	case *ast.KeyValueExpr:
		// &aws.Config{Credentials: <n>} as an argument of session.NewSession.
		lit, ok := parent.Parent().Node().(*ast.CompositeLit)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		if role, ok := sdk.CredField(sdk.KeyedFieldSymbol(info.TypeOf(lit), pn.Key)); !ok || role != sdk.FieldProvider {
			return analysis.SuggestedFix{}, false
		}
		if _, ok := sdk.ClientTypeOf(info.TypeOf(lit)); !ok {
			return analysis.SuggestedFix{}, false
		}
		up := parent.Parent().Parent()
		if u, ok := up.Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
			up = up.Parent()
		}
		call, ok := up.Node().(*ast.CallExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		c, ok := sdk.ConstructorOf(sdk.CalleeSymbol(info, call))
		if !ok || !c.Default || c.Kind != sdk.Session || c.CredArg >= 0 {
			return analysis.SuggestedFix{}, false
		}
		i := slices.Index(lit.Elts, ast.Expr(pn))
		start, end := pn.Pos(), pn.End()
		if i > 0 {
			start = lit.Elts[i-1].End()
		} else if len(lit.Elts) > 1 {
			end = lit.Elts[1].Pos()
		}
		return removal(pass, start, end, "remove Credentials: session.NewSession reads the same environment variables itself and falls back to the ECS task role"), true
	}
	return analysis.SuggestedFix{}, false
}

// fromDefaultEnv reports whether n builds credentials from exactly the
// environment variables the default chains read: an environment provider,
// or a static constructor whose keys are os.Getenv of those variables.
func fromDefaultEnv(info *types.Info, n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		sym := sdk.CalleeSymbol(info, n)
		cc, ok := sdk.CredConstructorOf(sym)
		if !ok || cc.SDK == sdk.Minio {
			return false
		}
		if cc.Kind == sdk.CredEnv {
			return sdk.EnvProviderVars(sym) != "" && cc.SDK == sdk.V1
		}
		if cc.Kind != sdk.CredStatic || cc.KeyArgs[0] < 0 {
			return false
		}
		for i, a := range cc.KeyArgs {
			if a >= len(n.Args) {
				return false
			}
			arg := n.Args[a]
			if i == 2 {
				if s, ok := astq.StringConst(info, arg); ok && s == "" {
					continue
				}
			}
			call, ok := ast.Unparen(arg).(*ast.CallExpr)
			if !ok || sdk.CalleeSymbol(info, call) != sdk.OsGetenv || len(call.Args) != 1 {
				return false
			}
			name, ok := astq.StringConst(info, call.Args[0])
			if !ok || !slices.Contains(sdk.DefaultChainEnvKeys[i], name) {
				return false
			}
		}
		return true
	case *ast.CompositeLit:
		ct, ok := sdk.CredTypeOf(info.TypeOf(n))
		return ok && ct.Kind == sdk.CredEnv && ct.SDK == sdk.V1 && len(n.Elts) == 0
	}
	return false
}

// removal deletes [start, end) and the imports only the deleted code used.
func removal(pass *analysis.Pass, start, end token.Pos, msg string) analysis.SuggestedFix {
	edits := []analysis.TextEdit{{Pos: start, End: end}}
	file := fileOf(pass, start)
	if file != nil {
		used := map[*types.PkgName]bool{} // used outside the deleted range
		inRange := map[*types.PkgName]bool{}
		ast.Inspect(file, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			pn, ok := pass.TypesInfo.Uses[id].(*types.PkgName)
			if !ok {
				return true
			}
			if id.Pos() >= start && id.Pos() < end {
				inRange[pn] = true
			} else {
				used[pn] = true
			}
			return true
		})
		tf := pass.Fset.File(file.Pos())
		for _, imp := range file.Imports {
			pn := importName(pass.TypesInfo, imp)
			if pn == nil || !inRange[pn] || used[pn] {
				continue
			}
			// Delete the whole line of the import spec.
			line := tf.Line(imp.Pos())
			s, e := tf.LineStart(line), token.Pos(tf.Base()+tf.Size())
			if line < tf.LineCount() {
				e = tf.LineStart(line + 1)
			}
			if tf.Line(imp.End()) != line {
				continue
			}
			edits = append(edits, analysis.TextEdit{Pos: s, End: e})
		}
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

func importName(info *types.Info, imp *ast.ImportSpec) *types.PkgName {
	if imp.Name != nil {
		pn, _ := info.Defs[imp.Name].(*types.PkgName)
		return pn
	}
	pn, _ := info.Implicits[imp].(*types.PkgName)
	return pn
}
