package norefresh

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/analyzers/finding"
	"github.com/credlint/credlint/analyzers/rule"
	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
)

//go:embed doc.go
var doc string

// Analyzer is the norefresh rule.
var Analyzer = rule.New(rule.Rule{
	Name: "norefresh",
	Doc:  doc,
	Flow: true,
	Run:  run,
})

// provider is a credentials provider of the user's own: a Retrieve
// method, or a function converted to aws.CredentialsProviderFunc.
type provider struct {
	node  ast.Node // the *ast.FuncDecl or *ast.FuncLit
	ftype *ast.FuncType
	body  *ast.BlockStmt
	sdk   sdk.SDK
	// what names the provider in a message: "Retrieve",
	// "the aws.CredentialsProviderFunc".
	what string
	// ctx is the provider's own context parameter (nil when it has none
	// or it is unnamed or "_"); ctxField is the parameter's field.
	ctx      *types.Var
	ctxField *ast.Field
	// recv is the receiver type of a Retrieve method (nil for functions).
	recv *types.Named
}

type checker struct {
	p    *rule.Pass
	info *types.Info
	out  finding.List
}

func run(p *rule.Pass) (finding.List, error) {
	c := &checker{p: p, info: p.TypesInfo}
	provs, isExpired := c.collect()
	for _, pr := range provs {
		if pr.sdk == sdk.V2 {
			c.checkV2Returns(pr)
		}
		c.checkCapturedContext(pr)
	}
	for _, fd := range isExpired {
		c.checkIsExpired(fd)
	}
	return c.out, nil
}

// collect finds the package's providers and the IsExpired methods of its
// types, in source order. Packages that declare no Retrieve or IsExpired
// method and convert nothing to aws.CredentialsProviderFunc cost one walk.
func (c *checker) collect() (provs []*provider, isExpired []*ast.FuncDecl) {
	seen := map[ast.Node]bool{}
	add := func(pr *provider) {
		if pr != nil && !seen[pr.node] {
			seen[pr.node] = true
			provs = append(provs, pr)
		}
	}
	du := c.p.Reach.DefUse()
	for cur := range c.p.Reach.Inspector().Root().Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if n.Recv == nil || n.Body == nil {
				continue
			}
			fn, _ := c.info.Defs[n.Name].(*types.Func)
			if fn == nil {
				continue
			}
			if n.Name.Name == sdk.IsExpiredMethod {
				isExpired = append(isExpired, n)
				continue
			}
			if sdk.IsRetrieveMethod(fn) {
				add(c.newProvider(n, n.Type, n.Body, fn, n.Name.Name))
			}
		case *ast.CallExpr:
			tv, ok := c.info.Types[n.Fun]
			if !ok || !tv.IsType() || sdk.TypeSymbol(tv.Type) != sdk.CredentialsProviderFunc || len(n.Args) != 1 {
				continue
			}
			if _, fixed := c.p.Flow.IsConstruction(n); fixed {
				continue // fixed keys: staticcreds reports the construction
			}
			const what = "the provider func"
			switch a := ast.Unparen(n.Args[0]).(type) {
			case *ast.FuncLit:
				add(c.newProvider(a, a.Type, a.Body, nil, what))
			case *ast.Ident, *ast.SelectorExpr:
				if fn, ok := c.info.Uses[astq.IdentOf(a)].(*types.Func); ok {
					if fd := du.Funcs[fn]; fd != nil && fd.Recv == nil {
						add(c.newProvider(fd, fd.Type, fd.Body, nil, what))
					}
				}
			}
		}
	}
	return provs, isExpired
}

func (c *checker) newProvider(n ast.Node, ft *ast.FuncType, body *ast.BlockStmt, method *types.Func, what string) *provider {
	pr := &provider{node: n, ftype: ft, body: body, what: what}
	var sig *types.Signature
	if method != nil {
		sig, _ = method.Type().(*types.Signature)
		if sig != nil && sig.Recv() != nil {
			pr.recv = sdk.NamedOf(sig.Recv().Type())
		}
	} else {
		switch n := n.(type) {
		case *ast.FuncLit:
			sig, _ = c.info.TypeOf(n).(*types.Signature)
		case *ast.FuncDecl:
			if fn, _ := c.info.Defs[n.Name].(*types.Func); fn != nil {
				sig, _ = fn.Type().(*types.Signature)
			}
		}
	}
	if sig == nil || sig.Results().Len() == 0 {
		return nil
	}
	s, ok := sdk.CredValueType(sig.Results().At(0).Type())
	if !ok {
		return nil
	}
	if s == sdk.V2 && (sig.Params().Len() != 1 || !sdk.IsContext(sig.Params().At(0).Type())) {
		return nil // not an aws.CredentialsProvider: no cache ever calls it
	}
	pr.sdk = s
	if ft.Params != nil && len(ft.Params.List) > 0 {
		f := ft.Params.List[0]
		if sdk.IsContext(c.info.TypeOf(f.Type)) {
			pr.ctxField = f
			if len(f.Names) > 0 && f.Names[0].Name != "_" {
				pr.ctx, _ = c.info.Defs[f.Names[0]].(*types.Var)
			}
		}
	}
	return pr
}

// within reports whether pos lies inside n.
func within(n ast.Node, pos token.Pos) bool { return n.Pos() <= pos && pos < n.End() }

// isConst reports whether e is a constant of the given boolean value.
func (c *checker) isBool(e ast.Expr, want bool) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value) == want
}

// emptyString reports whether e is the constant "".
func (c *checker) emptyString(e ast.Expr) bool {
	s, ok := astq.StringConst(c.info, e)
	return ok && s == ""
}

// enclosingFunc returns the innermost function (declaration or literal)
// around pos.
func (c *checker) enclosingFunc(pos token.Pos) (ast.Node, *ast.BlockStmt) {
	root := c.p.Reach.Inspector().Root()
	cur, ok := root.FindByPos(pos, pos)
	if !ok {
		return nil, nil
	}
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncDecl:
			return n, n.Body
		case *ast.FuncLit:
			return n, n.Body
		}
	}
	return nil, nil
}

// cursorOf returns the cursor of node n.
func (c *checker) cursorOf(n ast.Node) (inspector.Cursor, bool) {
	return c.p.Reach.Inspector().Root().FindNode(n)
}
