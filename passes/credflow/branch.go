package credflow

import (
	"go/ast"
	"go/token"
	"strconv"

	"github.com/credlint/credlint/passes/astq"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// branchOf names the condition of the innermost if statement (in the
// same function) whose body or else branch holds n: `when LOCAL_DEV ==
// "1" (main.go:29)`, `unless ...` for the else branch; "" when none.
func (f *Flow) branchOf(n ast.Node) string {
	if f.insp == nil {
		return ""
	}
	cur, ok := f.insp.Root().FindNode(n)
	if !ok {
		return ""
	}
	for c := range cur.Enclosing((*ast.IfStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		ifs, ok := c.Node().(*ast.IfStmt)
		if !ok {
			return ""
		}
		in := func(b ast.Node) bool { return b != nil && n.Pos() >= b.Pos() && n.End() <= b.End() }
		switch {
		case in(ifs.Body):
			return "when " + f.renderCond(ifs.Cond, 0) + " (" + f.where(ifs.Pos()) + ")"
		case in(ifs.Else):
			return "unless " + f.renderCond(ifs.Cond, 0) + " (" + f.where(ifs.Pos()) + ")"
		}
	}
	return ""
}

// renderCond prints a condition for a message: os.Getenv("NAME") as NAME,
// string constants of up to 10 characters as written (a flag value is no secret; anything
// long or shaped like a key is masked), the rest as render does.
func (f *Flow) renderCond(e ast.Expr, depth int) string {
	if depth > 3 {
		return "..."
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return f.renderCond(x.X, depth+1) + " " + x.Op.String() + " " + f.renderCond(x.Y, depth+1)
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			return "!" + f.renderCond(x.X, depth+1)
		}
	case *ast.CallExpr:
		if sdk.CalleeSymbol(f.info, x) == sdk.OsGetenv && len(x.Args) == 1 {
			if name, ok := astq.StringConst(f.info, x.Args[0]); ok {
				return name
			}
		}
	case *ast.BasicLit:
		if s, ok := astq.StringConst(f.info, x); ok {
			if len(s) <= 10 && !srctext.AWSKeyID(s) {
				return strconv.Quote(s)
			}
			return strconv.Quote(srctext.Mask(s))
		}
	}
	return srctext.Expr(f.info, e, 1)
}

// Source describes, for a message, where the static credentials of c come
// from: the first origin; when the value refreshes on other paths (Mixed),
// the branch on which it is static ("static keys when LOCAL_DEV == "1"
// (main.go:29): credentials.NewStaticCredentialsProvider(...) at main.go:30").
func (c Cred) Source() string {
	if c.Origin == nil {
		return "static credentials"
	}
	if !c.Mixed {
		return c.Origin.String()
	}
	if c.Origin.Branch != "" {
		return "static keys " + c.Origin.Branch + ": " + c.Origin.String()
	}
	return "static keys on some paths: " + c.Origin.String()
}
