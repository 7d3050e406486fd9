// Package credflow answers, for an expression that is or holds AWS
// credentials, where those credentials come from: a provider that
// refreshes them, a static construction (with the provenance of its keys),
// anonymous access, or unknown.
//
// # What it answers
//
// Flow.Of(expr) evaluates any expression that is, or holds, credentials: a
// provider (v2 aws.CredentialsProvider, v1 and minio *credentials.Credentials
// and credentials.Provider), a v2 aws.Config, a v1 *aws.Config or
// *session.Session, an S3 client, presign client, uploader, downloader or
// transfer manager, or a struct of the user's own whose fields hold one. The
// answer (Cred) is Refreshing, Static (with every static Origin that can
// reach it), Anonymous, Unset (a config without credentials, which the
// constructor it reaches resolves through the default chain) or Unknown.
//
// An Origin is a construction of credentials that cannot refresh (v2
// credentials.NewStaticCredentialsProvider, v1 credentials.NewStaticCredentials,
// NewEnvCredentials, minio credentials.NewStaticV4, NewEnvAWS, ...) with the
// Provenance of its keys: a literal (masked: the secret is never kept), an
// environment variable (named; a config-struct field tagged
// `env:"AWS_SECRET_ACCESS_KEY"` or `envconfig:"..."` counts), a one-time
// snapshot of refreshing credentials (v2 Credentials.Retrieve(ctx), v1 and
// minio Credentials.Get(), with where it was taken), the shared credentials
// file, or configuration (a parameter or a field of the user's own struct,
// named). Flow.Construction gives the Origin of a construction node;
// Flow.KeyProv the provenance of one string value.
//
// Values are followed through local and package variables (every
// assignment), struct literals and field stores (fields of the user's own
// structs are followed field-based: every store to the field in the
// package), SDK config structs and their setters (aws.Config{Credentials:},
// cfg.Credentials = ..., v1 cfg.WithCredentials(...)), functional options
// (func(o *s3.Options) { o.Credentials = ... }, option slices built with
// append), config.LoadDefaultConfig and config.WithCredentialsProvider,
// aws.NewCredentialsCache and the v1 and minio credential wrappers (a cache
// over a static provider is static), credential chains (static if they
// hold a static provider; an environment provider in a chain that also
// holds a refreshing provider mirrors the SDK's default chain), helper
// functions of the same package (their return statements), and functions
// and package variables of other packages through the Creds fact.
//
// # Why typed-AST def-use and not SSA
//
// The questions are "which constructions can reach this value" and "where
// did these keys come from", over a handful of assignment forms. A
// flow-insensitive def-use index built in one preorder walk over the typed
// AST (every definition of each variable, every store to each field)
// answers them lazily, only for the expressions a rule asks about, with
// memoisation; helpers of the same package are evaluated with their
// parameters bound to the caller's arguments (up to three calls deep).
// buildssa would be a required analyzer, so the driver would build SSA for
// every function of every package it analyses before a single question is
// asked (with facts that is the whole dependency graph, unless each pass
// gated itself), and SSA's precision (flow sensitivity, phi nodes) buys
// little here: a credential that is static on any path is worth
// reporting. It would also cost source fidelity the rules need: they
// report at AST nodes and quote source text (os.Getenv("AWS_ACCESS_KEY_ID"),
// cfg.Credentials.Retrieve(ctx)), while SSA turns struct literals into
// field stores and option funcs into closures. The index is built only for
// packages that can reach an SDK (sdk.Reach); measured on rclone's S3
// backend (8,200 lines), credflow and the two rules that use it take under
// 1% of credlint's CPU time, against about half for type checking.
//
// The Result is a *Flow; it is safe for concurrent use by the rules.
package credflow

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/credlint/credlint/config"
	"github.com/credlint/credlint/passes/defuse"
	"github.com/credlint/credlint/passes/sdk"
	"github.com/credlint/credlint/passes/srctext"
)

// Analyzer builds the credential-flow index of a package; its Result is a
// *Flow. It exports a Creds fact on functions that return, and package
// variables that hold, credentials whose refresh behaviour is known.
var Analyzer = &analysis.Analyzer{
	Name:       "credflow",
	Doc:        "provenance of AWS credentials: refreshing, static (and where the keys come from) or anonymous",
	Requires:   []*analysis.Analyzer{sdk.Analyzer, config.Analyzer},
	Run:        run,
	ResultType: reflect.TypeFor[*Flow](),
	FactTypes:  []analysis.Fact{new(Creds)},
}

// State says whether credentials refresh.
type State uint8

// States, from least to most interesting: a join of alternatives keeps the
// greater one (a value that is static on some path is static).
const (
	// Unset: a config without credentials; the constructor that gets it
	// decides (the default chain for LoadDefaultConfig and NewSession).
	Unset State = iota
	// Unknown: nothing is known (a parameter, a dynamic call, a function of
	// another package without a fact).
	Unknown
	// Anonymous: requests are not signed (aws.AnonymousCredentials, v1
	// credentials.AnonymousCredentials, constant empty keys).
	Anonymous
	// Refreshing: the SDK fetches new credentials before they expire (the
	// default chain, ECS container / IMDS / STS providers).
	Refreshing
	// Static: credentials that never refresh.
	Static
)

func (s State) String() string {
	switch s {
	case Unset:
		return "unset"
	case Anonymous:
		return "anonymous"
	case Refreshing:
		return "refreshing"
	case Static:
		return "static"
	}
	return "unknown"
}

// ProvKind is where the keys of a static construction come from.
type ProvKind uint8

// Provenance kinds, in increasing order of how much they say: the keys of
// a construction get the greatest kind among its access and secret key.
const (
	ProvEmpty      ProvKind = iota // the constant ""
	ProvUnknown                    // not known
	ProvConfig                     // a parameter or a field of a config struct
	ProvSharedFile                 // the shared credentials file, read once
	ProvLiteral                    // a constant in the source
	ProvEnv                        // environment variables, read once
	ProvSnapshot                   // a one-time snapshot of refreshing credentials
	ProvSTS                        // the output of an STS call: temporary credentials
)

func (k ProvKind) String() string {
	switch k {
	case ProvEmpty:
		return "empty"
	case ProvConfig:
		return "configuration"
	case ProvSharedFile:
		return "shared credentials file"
	case ProvLiteral:
		return "literal"
	case ProvEnv:
		return "environment"
	case ProvSnapshot:
		return "snapshot"
	case ProvSTS:
		return "STS"
	}
	return "unknown"
}

// TokenState says whether static credentials carry a session token.
type TokenState uint8

// Session token states.
const (
	NoToken    TokenState = iota // the token is the constant "" (or absent)
	MaybeToken                   // a token of unknown or configured value
	HasToken                     // a token is there: temporary credentials that will expire
)

// Provenance describes the keys of a static construction. Detail never
// holds a secret: literals are masked.
type Provenance struct {
	Kind ProvKind
	// Detail names the source: env variable names ("AWS_ACCESS_KEY_ID,
	// AWS_SECRET_ACCESS_KEY"), the masked literal access key ("AKIA…MPLE"),
	// the snapshot and where it was taken ("cfg.Credentials.Retrieve(ctx)
	// at app/app.go:12"), the STS call ("client.AssumeRole(ctx, ...) at
	// app/app.go:30"), or the configuration ("opts.AccessKey, opts.SecretKey").
	Detail string
	Token  TokenState
	// AWSKey is set when a literal key is shaped like an AWS access key
	// ID (AKIA…, ASIA…) or secret access key (40 of [A-Za-z0-9/+]): it
	// may be real, wherever it is used.
	AWSKey bool
	// Placeholder is set when the access key is a literal that cannot be
	// an AWS access key ID ("test", "YOUR-ACCESSKEYID"): the keys cannot
	// authenticate against AWS, whatever the endpoint.
	Placeholder bool
}

// Origin is a construction of credentials that cannot refresh.
type Origin struct {
	node ast.Node // the construction, when it is in the analysed package
	// file and off place node in source order. token.Pos does not: the
	// loader parses a package's files concurrently, so the order of their
	// bases in the FileSet changes from run to run.
	file string
	off  int

	// Where is the construction's position, "internal/app/app.go:14" (from the module root).
	Where string
	// Text is the construction as written, shortened, secrets masked:
	// `credentials.NewStaticCredentialsProvider(os.Getenv("AWS_ACCESS_KEY_ID"), ...)`.
	Text string
	// Ctor is the SDK constructor or type, e.g. "credentials.NewStaticV4".
	Ctor string
	SDK  sdk.SDK
	Prov Provenance
	// Branch is the condition of the if statement the construction is
	// in, when there is one: `when LOCAL_DEV == "1" (main.go:29)`.
	Branch string
	// Via lists the helper calls the credentials travelled through on
	// their way to the value asked about, innermost first:
	// "awsx.NewS3 at main.go:22".
	Via []string
}

// Node returns the construction when it is in the analysed package.
func (o *Origin) Node() ast.Node { return o.node }

// String is the origin as a message fragment: "<text> at <where> (via ...)".
func (o *Origin) String() string {
	s := o.Text + " at " + o.Where
	if len(o.Via) > 0 {
		s += " (via " + strings.Join(o.Via, ", ") + ")"
	}
	return s
}

// withVia returns a copy of o with one more helper call on its way.
func (o *Origin) withVia(v string) *Origin {
	c := *o
	if len(c.Via) < maxVia {
		c.Via = append(append([]string(nil), o.Via...), v)
	}
	return &c
}

const maxVia = 4

// Cred is what Flow.Of knows about a value's credentials.
type Cred struct {
	State State
	// Origin is the first static origin (in source order) when State is
	// Static.
	Origin *Origin
	// Endpoint is the value's constant custom endpoint, when known.
	Endpoint string
	// Mixed is set when the value is Static on some paths and refreshing
	// on others (the default chain in production, static keys under a
	// flag): the static origins hold only where their Branch says.
	Mixed bool

	origins []*Origin
}

// Origins returns every static origin that can reach the value.
func (c Cred) Origins() []*Origin { return c.origins }

func staticCred(o *Origin) Cred { return Cred{State: Static, Origin: o, origins: []*Origin{o}} }

// join merges the credentials of alternative definitions of a value.
func join(a, b Cred) Cred {
	if b.State > a.State {
		a, b = b, a
	}
	if a.State == Static {
		a.Mixed = a.Mixed || b.Mixed || b.State == Refreshing
	}
	if a.State == Static && b.State == Static {
		for _, o := range b.origins {
			a.origins = addOrigin(a.origins, o)
		}
		a.Origin = a.origins[0]
	}
	if a.Endpoint != b.Endpoint {
		a.Endpoint = ""
	}
	return a
}

func addOrigin(list []*Origin, o *Origin) []*Origin {
	for _, x := range list {
		if x == o || (x.node != nil && x.node == o.node) || (x.node == nil && o.node == nil && x.Where == o.Where && x.Text == o.Text) {
			return list
		}
	}
	out := append(append([]*Origin(nil), list...), o)
	// keep source order of in-package origins first
	for i := len(out) - 1; i > 0; i-- {
		a, b := out[i-1], out[i]
		if a.node != nil && b.node != nil && (b.file < a.file || b.file == a.file && b.off < a.off) {
			out[i-1], out[i] = b, a
		}
	}
	return out
}

// Creds is the fact that a function's result (Index) or a package-level
// variable holds credentials in the given State; Origin is set for Static.
type Creds struct {
	Index  int
	State  State
	Origin *Origin
}

// AFact marks Creds as a fact.
func (*Creds) AFact() {}

func (c *Creds) String() string {
	if c.State == Static && c.Origin != nil {
		return fmt.Sprintf("%s(%s: %s)", c.State, c.Origin.Prov.Kind, c.Origin)
	}
	return c.State.String()
}

// Flow is the credential-flow index of one package; see the package doc.
type Flow struct {
	mu        sync.Mutex
	pass      *analysis.Pass
	info      *types.Info
	enabled   bool
	userCtors map[sdk.Symbol]bool

	idx   *index
	insp  *inspector.Inspector
	stack []frame

	memo      map[memoKey]Cred
	inProg    map[memoKey]bool
	keyMemo   map[memoKey]prov
	origins   map[ast.Node]*Origin
	sinks     map[ast.Node][]string // construction -> endpoints of clients it reaches ("" = AWS or unknown)
	sinksDone bool

	du *defuse.Index // the package's def-use index (sdk.Reach.DefUse)
}

// memoKey is an expression (or a *types.Var), a result index, and the
// call whose arguments the parameters are bound to (nil: unbound).
type memoKey struct {
	n   any
	idx int
	ctx *ast.CallExpr
}

// frame binds the parameters of a helper function of the package to the
// arguments of one call, so that newClient(key, secret) and
// mustLoad(config.WithCredentialsProvider(p)) are evaluated with what the
// caller passes. Frames nest up to maxFrames deep.
type frame struct {
	call *ast.CallExpr
	fd   *ast.FuncDecl
}

const maxFrames = 3

func run(pass *analysis.Pass) (any, error) {
	f := &Flow{pass: pass, info: pass.TypesInfo}
	if r := pass.ResultOf[sdk.Analyzer].(*sdk.Reach); !r.Relevant() && !r.EnvOnly() {
		return f, nil
	}
	cfg := pass.ResultOf[config.Analyzer].(*config.Config)
	f.enabled = true
	f.userCtors = map[sdk.Symbol]bool{}
	for _, n := range cfg.Staticcreds.Constructors {
		if p, r, name, err := config.SplitFuncName(n); err == nil {
			f.userCtors[sdk.Symbol{Path: p, Recv: r, Name: name}] = true
		}
	}
	f.memo = map[memoKey]Cred{}
	f.inProg = map[memoKey]bool{}
	f.keyMemo = map[memoKey]prov{}
	f.origins = map[ast.Node]*Origin{}
	reach := pass.ResultOf[sdk.Analyzer].(*sdk.Reach)
	f.insp, f.du = reach.Inspector(), reach.DefUse()
	f.idx = buildIndex(pass, f.insp, f.du)
	f.exportFacts()
	return f, nil
}

// Enabled reports whether the package was analysed (it can reach an SDK).
func (f *Flow) Enabled() bool { return f.enabled }

// Of returns the credentials of the value of e.
func (f *Flow) Of(e ast.Expr) Cred {
	if !f.enabled || e == nil {
		return Cred{State: Unknown}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.eval(e, -1)
}

// OfResult returns the credentials of result i of a multi-value
// expression (a call returning (client, error)).
func (f *Flow) OfResult(e ast.Expr, i int) Cred {
	if !f.enabled || e == nil {
		return Cred{State: Unknown}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.eval(e, i)
}

// OfVar returns the credentials a variable of the package holds: its
// definitions and the stores into it (cfg.Credentials = p after cfg =
// base.Copy()). It is how a package-level config that is given static
// credentials after it was set is read.
func (f *Flow) OfVar(v *types.Var) Cred {
	if !f.enabled || v == nil {
		return Cred{State: Unknown}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.evalObj(v, -1)
}

// Construction returns the Origin of a node that constructs credentials
// that cannot refresh (a call or composite literal of a static,
// environment or shared-file provider, a fixed aws.CredentialsProviderFunc,
// or a constructor named in staticcreds.constructors). It returns nil, false
// for anything else and for constant empty keys (anonymous).
func (f *Flow) Construction(n ast.Node) (*Origin, bool) {
	if !f.enabled || n == nil {
		return nil, false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	o := f.construction(n)
	return o, o != nil
}

// IsConstruction reports whether n constructs credentials that cannot
// refresh, and their kind (static keys, environment or shared file), even
// when the keys are constant empty strings.
func (f *Flow) IsConstruction(n ast.Node) (sdk.CredKind, bool) {
	if !f.enabled || n == nil {
		return 0, false
	}
	k, _, ok := f.constructionKind(n)
	return k, ok
}

// KeyProv returns the provenance of a string value (a key passed to
// os.Setenv, say). Literals are masked.
func (f *Flow) KeyProv(e ast.Expr) Provenance {
	if !f.enabled || e == nil {
		return Provenance{Kind: ProvUnknown}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	p := f.keyProv(e, 0)
	return Provenance{Kind: p.kind, Detail: p.detail}
}

// Render returns e as source text, shortened, with string literals masked.
func (f *Flow) Render(e ast.Expr) string { return srctext.Expr(f.info, e, 0) }

// where formats a position as "path/file.go:line" from its module's root (srctext.Where).
func (f *Flow) where(pos token.Pos) string { return srctext.Where(f.pass.Fset, pos) }
