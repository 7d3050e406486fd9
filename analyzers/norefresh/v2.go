package norefresh

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/passes/credflow"
	"github.com/credlint/credlint/passes/sdk"
)

// checkV2Returns reports the aws.Credentials a v2 provider returns with a
// session token and without CanExpire: the aws.CredentialsCache around it
// never calls it again (docs/sdk-behaviour.md: providers).
func (c *checker) checkV2Returns(pr *provider) {
	for _, ret := range c.p.Reach.DefUse().Returns[pr.node] {
		if len(ret.Results) < 2 {
			continue
		}
		cv, ok := c.returnedValue(pr.body, ret.Results[0])
		if !ok {
			continue
		}
		tok := c.token(cv)
		if tok == nil {
			continue // long-term keys: nothing to expire
		}
		keeps, explicitFalse := c.keepsExpiry(cv)
		if keeps {
			continue
		}
		src := c.tokenSource(tok)
		f := finding.Finding{
			Pos: cv.at.Pos(), End: cv.at.End(),
			Message: fmt.Sprintf("%s %s: the SDK caches it until calls fail with ExpiredToken; %s",
				pr.what, src.returns(explicitFalse), src.fixText),
		}
		if fix, ok := c.expiryFix(cv, src); ok {
			f.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		c.out = append(c.out, f)
	}
}

// source is where a session token comes from, for the message and the fix.
type source struct {
	kind  tokenKind
	label string // the source as written: "c", "out.Credentials", "r.Token"
	// fixText is the fix in words: "copy CanExpire and Expires from c".
	fixText string
	// value is the aws.Credentials value the token is read from
	// (c.SessionToken), when it is one: the fix copies its expiry.
	value ast.Expr
	// sts is the STS output's credentials (out.Credentials) the token is
	// read from, when it is one with an Expiration.
	sts    ast.Expr
	stsSDK sdk.SDK
}

type tokenKind int

const (
	otherToken     tokenKind = iota
	providerToken            // another provider's credentials (a snapshot)
	stsToken                 // an STS (or SSO) output
	retrievedToken           // another provider's Retrieve, not an aws.Credentials
)

// returns says what the provider returns, for a message.
func (s source) returns(explicitFalse bool) string {
	if s.kind == providerToken {
		if explicitFalse {
			return "sets CanExpire: false on another provider's credentials (" + s.label + ")"
		}
		return "drops the expiry of another provider's credentials (" + s.label + ")"
	}
	what := "a session token (" + s.label + ")"
	switch s.kind {
	case stsToken:
		what = "an STS output's session token (" + s.label + ")"
	case retrievedToken:
		what = "another provider's session token (" + s.label + ")"
	}
	if explicitFalse {
		return "returns " + what + " with CanExpire: false"
	}
	return "returns " + what + " without CanExpire and Expires"
}

// tokenSource describes where the session token tok comes from, with the
// provenance passes/credflow gives it.
func (c *checker) tokenSource(tok ast.Expr) source {
	var s source
	var stsCreds ast.Expr
	ast.Inspect(tok, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != sdk.SessionTokenField || s.value != nil || stsCreds != nil {
			return s.value == nil && stsCreds == nil
		}
		t := c.info.TypeOf(sel.X)
		if k, ok := sdk.CredValueType(t); ok && k == sdk.V2 {
			s.value = sel.X
		} else if k, ok := sdk.STSCredentialsType(t); ok {
			stsCreds = sel.X
			if _, ok := sdk.STSExpirationField(t); ok {
				s.sts, s.stsSDK = sel.X, k
			}
		}
		return false
	})
	p := c.p.Flow.KeyProv(tok)
	switch {
	case p.Kind == credflow.ProvSTS || stsCreds != nil:
		s.kind = stsToken
		s.label = c.clip(stsCreds, tok)
		s.fixText = "set CanExpire and Expires from its Expiration"
		if s.sts != nil {
			s.fixText = "set them from " + finding.Clip(types.ExprString(s.sts), 40) + ".Expiration"
		}
	case s.value != nil:
		s.kind = providerToken
		s.label = c.clip(s.value, tok)
		s.fixText = "copy CanExpire and Expires from " + s.label
	case p.Kind == credflow.ProvSnapshot:
		// Another provider's Retrieve, of a type without an expiry.
		s.kind = retrievedToken
		s.label = c.clip(nil, tok)
		s.fixText = "set CanExpire and Expires to its expiry"
	case p.Kind == credflow.ProvEnv || p.Kind == credflow.ProvLiteral:
		// Read once from the environment or the source: it cannot
		// refresh, whatever the provider says.
		s.label = c.clip(nil, tok)
		s.fixText = "use the default chain instead"
	default:
		s.label = c.clip(nil, tok)
		s.fixText = "set CanExpire and Expires to its expiry"
	}
	return s
}

// clip renders e (or, when e is nil, or), shortened for a message.
func (c *checker) clip(e, or ast.Expr) string {
	if e == nil {
		e = or
	}
	return finding.Clip(c.render(e), 40)
}

func (c *checker) render(e ast.Expr) string { return c.p.Flow.Render(e) }

// expiryFix sets CanExpire and Expires in the literal: copied from the
// source aws.Credentials value, or from the STS output's Expiration.
func (c *checker) expiryFix(cv credValue, src source) (analysis.SuggestedFix, bool) {
	if cv.lit == nil || len(cv.fields["CanExpire"]) > 1 || len(cv.fields["Expires"]) > 1 {
		return analysis.SuggestedFix{}, false
	}
	var canExpire, expires, msg string
	switch {
	case src.value != nil:
		x := types.ExprString(src.value)
		canExpire, expires = x+".CanExpire", x+".Expires"
		msg = "Copy CanExpire and Expires from " + x
	case src.sts != nil && src.stsSDK == sdk.V2:
		sel, ok := ast.Unparen(cv.lit.Type).(*ast.SelectorExpr)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		pkg, ok := sel.X.(*ast.Ident)
		if !ok {
			return analysis.SuggestedFix{}, false
		}
		field, _ := sdk.STSExpirationField(c.info.TypeOf(src.sts))
		canExpire = "true"
		expires = fmt.Sprintf("%s.%s(%s.%s)", pkg.Name, sdk.TimeHelper(sdk.V2), types.ExprString(src.sts), field)
		msg = "Set CanExpire and Expires from " + types.ExprString(src.sts) + "." + field
	default:
		return analysis.SuggestedFix{}, false
	}
	var edits []analysis.TextEdit
	var add string
	for _, kv := range []struct{ name, text string }{{"CanExpire", canExpire}, {"Expires", expires}} {
		if vals := cv.fields[kv.name]; len(vals) == 1 {
			if !c.inLit(cv.lit, vals[0]) {
				return analysis.SuggestedFix{}, false // set by a store after the literal
			}
			edits = append(edits, analysis.TextEdit{Pos: vals[0].Pos(), End: vals[0].End(), NewText: []byte(kv.text)})
			continue
		}
		add += kv.name + ": " + kv.text + ",\n"
	}
	if add != "" {
		if len(cv.lit.Elts) > 0 && c.p.Fset.Position(cv.lit.Elts[len(cv.lit.Elts)-1].End()).Line == c.p.Fset.Position(cv.lit.Rbrace).Line {
			// One line: aws.Credentials{AccessKeyID: ..., SessionToken: t}.
			last := cv.lit.Elts[len(cv.lit.Elts)-1]
			edits = append(edits, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + oneLine(add))})
		} else {
			edits = append(edits, analysis.TextEdit{Pos: cv.lit.Rbrace, End: cv.lit.Rbrace, NewText: []byte(add)})
		}
	}
	return analysis.SuggestedFix{Message: msg, TextEdits: edits}, true
}

// inLit reports whether e is a value of lit's own elements.
func (c *checker) inLit(lit *ast.CompositeLit, e ast.Expr) bool {
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok && kv.Value == e {
			return true
		}
	}
	return false
}

// oneLine turns "A: x,\nB: y,\n" into "A: x, B: y".
func oneLine(s string) string {
	out := ""
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\n' && i == len(s)-1:
		case s[i] == ',' && i == len(s)-2:
		case s[i] == '\n':
			out += " "
		default:
			out += string(s[i])
		}
	}
	return out
}
