package presignttl

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strings"
	"time"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/sdk"
)

//go:embed doc.go
var doc string

// Analyzer is the presignttl rule.
var Analyzer = rule.New(rule.Rule{
	Name: "presignttl",
	Doc:  doc,
	Flow: true,
	Run:  run,
})

func run(p *rule.Pass) (finding.List, error) {
	pass, reach, cfg := p.Pass, p.Reach, p.Config
	flow := p.Flow
	info := pass.TypesInfo
	limit := cfg.Presignttl.PresignMax.Duration

	var out finding.List
	check := func(cur inspector.Cursor, value ast.Expr, what string, client ast.Expr) {
		v, ok := sdk.IntArg(info, value)
		if !ok || time.Duration(v) <= limit {
			return
		}
		if client == nil {
			client = signingClient(info, cur)
		}
		cred := credflow.Cred{State: credflow.Unknown}
		if client != nil {
			cred = flow.Of(client)
		}
		why, report := lifetime(cred)
		if !report {
			return
		}
		out = append(out, finding.Finding{
			Pos: value.Pos(), End: value.End(),
			Message: fmt.Sprintf("%s presigns for %s %s: the URL dies with its session; presign for at most %s",
				what, human(time.Duration(v)), why, human(limit)),
		})
	}

	for cur := range reach.Inspector().Root().Preorder((*ast.CallExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := astq.Callee(info, n)
			if fn == nil {
				continue
			}
			sym := sdk.SymbolOf(fn)
			p, ok := sdk.PresignExpiryOf(sym)
			if !ok || p.Arg < 0 || p.Arg >= len(n.Args) {
				continue
			}
			var client ast.Expr
			if p.Receiver {
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					client = sel.X // the minio client, or the v1 request (credflow follows it to its client)
				}
			}
			check(cur, n.Args[p.Arg], sym.String(), client)
		case *ast.KeyValueExpr:
			lit, ok := cur.Parent().Node().(*ast.CompositeLit)
			if !ok {
				continue
			}
			field := sdk.KeyedFieldSymbol(info.TypeOf(lit), n.Key)
			if p, ok := sdk.PresignExpiryOf(field); ok && p.Arg < 0 {
				check(cur, n.Value, field.String(), nil)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
				if !ok {
					continue
				}
				field := sdk.FieldSymbol(info, sel)
				if p, ok := sdk.PresignExpiryOf(field); ok && p.Arg < 0 {
					check(cur, n.Rhs[i], field.String(), nil)
				}
			}
		}
	}
	return out, nil
}

// lifetime says why the signing credentials end before the URL, and
// whether to report at all.
func lifetime(c credflow.Cred) (string, bool) {
	switch c.State {
	case credflow.Anonymous:
		return "", false // not signed: nothing expires
	case credflow.Static:
		if c.Mixed && (c.Origin == nil || c.Origin.Prov.Token == credflow.NoToken) {
			// Refreshing on the other paths: those are temporary.
			return "with task-role credentials, except " + brief(c.Origin), true
		}
		if c.Origin == nil || c.Origin.Prov.Token == credflow.NoToken {
			return "", false // long-term keys: staticcreds reports them
		}
		if c.Mixed {
			return fmt.Sprintf("with temporary credentials (refreshing, or %s with a session token)", brief(c.Origin)), true
		}
		if c.Origin.Prov.Token == credflow.HasToken {
			return fmt.Sprintf("with a session token (%s)", brief(c.Origin)), true
		}
		return fmt.Sprintf("with keys from %s that may hold a session token", brief(c.Origin)), true
	case credflow.Refreshing:
		return "with refreshing temporary credentials", true
	case credflow.Unset:
		return "with the default chain's temporary credentials", true
	}
	return "with temporary credentials, unless these are IAM user keys", true
}

// brief names static credentials by their constructor and position.
func brief(o *credflow.Origin) string {
	if o == nil {
		return "static keys"
	}
	s := "keys from " + o.Where
	if o.Branch != "" {
		b := o.Branch
		if i := strings.LastIndex(b, " ("); i > 0 {
			b = b[:i] // the condition's position: a step of its own
		}
		s += " " + finding.Clip(b, 40)
	}
	return s
}

// signingClient finds the client that signs with an expiry option: the
// receiver of the enclosing v2 PresignClient method call, or the client
// given to the enclosing s3.NewPresignClient.
func signingClient(info *types.Info, cur inspector.Cursor) ast.Expr {
	for c := range cur.Enclosing((*ast.CallExpr)(nil), (*ast.FuncDecl)(nil)) {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok {
			return nil
		}
		fn := astq.Callee(info, call)
		if fn == nil {
			continue
		}
		if sdk.SymbolOf(fn) == sdk.NewPresignClient && len(call.Args) > 0 {
			return call.Args[0]
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if ct, ok := sdk.ClientTypeOf(info.TypeOf(sel.X)); ok && ct.Kind == sdk.PresignClient {
				return sel.X
			}
		}
	}
	return nil
}

// human prints a duration without trailing zero units: 12h, 90m, 1h30m.
func human(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
