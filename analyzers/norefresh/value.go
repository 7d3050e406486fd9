package norefresh

import (
	"go/ast"
	"go/types"

	"github.com/credlint/credlint/passes/sdk"
)

// credValue is what a provider's return statement returns as credentials:
// a literal of a credential value type (v2 aws.Credentials, v1 or minio
// credentials.Value), possibly completed by field stores on the variable
// that holds it.
type credValue struct {
	lit *ast.CompositeLit // the literal, when there is one
	at  ast.Expr          // where to report: the literal, or the returned expression
	// fields are the values given to the fields the rule looks at
	// (SessionToken, CanExpire, Expires), by the literal or by stores.
	fields map[string][]ast.Expr
}

// watched are the fields of credential values the rule reads.
var watched = map[string]bool{sdk.SessionTokenField: true, "CanExpire": true, "Expires": true}

// returnedValue resolves the first result e of a return statement in body
// to a credential value built there. ok is false when the value comes from
// elsewhere (another provider's Retrieve, a field, a call): then whatever
// the source said about its expiry travels with it.
func (c *checker) returnedValue(body *ast.BlockStmt, e ast.Expr) (credValue, bool) {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		if _, ok := sdk.CredValueType(c.info.TypeOf(lit)); !ok {
			return credValue{}, false
		}
		cv := credValue{lit: lit, at: lit, fields: map[string][]ast.Expr{}}
		c.addLitFields(&cv, lit)
		return cv, true
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return credValue{}, false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok || !within(body, v.Pos()) {
		return credValue{}, false
	}
	if _, ok := sdk.CredValueType(v.Type()); !ok {
		return credValue{}, false
	}
	cv := credValue{at: e, fields: map[string][]ast.Expr{}}
	fromElsewhere := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Rhs) == len(n.Lhs) {
					rhs = n.Rhs[i]
				}
				switch l := ast.Unparen(lhs).(type) {
				case *ast.Ident:
					if c.objOf(l) != v {
						continue
					}
					if lit, ok := ast.Unparen(rhs).(*ast.CompositeLit); ok && rhs != nil {
						cv.lit = lit
						cv.at = lit
						c.addLitFields(&cv, lit)
					} else {
						fromElsewhere = true // v := src.Retrieve(ctx), v = other
					}
				case *ast.SelectorExpr:
					if x, ok := ast.Unparen(l.X).(*ast.Ident); ok && c.objOf(x) == v && watched[l.Sel.Name] && rhs != nil {
						cv.fields[l.Sel.Name] = append(cv.fields[l.Sel.Name], rhs)
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.objOf(name) != v {
					continue
				}
				if i < len(n.Values) {
					if lit, ok := ast.Unparen(n.Values[i]).(*ast.CompositeLit); ok {
						cv.lit = lit
						cv.at = lit
						c.addLitFields(&cv, lit)
					} else {
						fromElsewhere = true
					}
				} else if len(n.Values) > 0 {
					fromElsewhere = true
				}
			}
		case *ast.UnaryExpr:
			// &v handed to a decoder or a helper: filled elsewhere.
			if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.objOf(x) == v {
				fromElsewhere = true
			}
		}
		return true
	})
	if fromElsewhere {
		return credValue{}, false
	}
	return cv, true
}

func (c *checker) addLitFields(cv *credValue, lit *ast.CompositeLit) {
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if k, ok := kv.Key.(*ast.Ident); ok && watched[k.Name] {
			cv.fields[k.Name] = append(cv.fields[k.Name], kv.Value)
		}
	}
}

// objOf is the object an identifier defines or uses.
func (c *checker) objOf(id *ast.Ident) types.Object {
	if o := c.info.Defs[id]; o != nil {
		return o
	}
	return c.info.Uses[id]
}

// token returns the session token the value carries: the first value
// given to SessionToken that is not the constant "".
func (c *checker) token(cv credValue) ast.Expr {
	for _, e := range cv.fields[sdk.SessionTokenField] {
		if !c.emptyString(e) {
			return e
		}
	}
	return nil
}

// keepsExpiry reports whether the value says it can expire: some value
// given to CanExpire other than the constant false (true, or a source's
// c.CanExpire), and returns whether CanExpire was set to a constant false.
func (c *checker) keepsExpiry(cv credValue) (keeps, explicitFalse bool) {
	for _, e := range cv.fields["CanExpire"] {
		if c.isBool(e, false) {
			explicitFalse = true
			continue
		}
		return true, false
	}
	return false, explicitFalse
}
