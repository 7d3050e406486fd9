package srctext

import (
	"go/parser"
	"go/token"
	"testing"
)

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"minioadmin":           "****",
		"AKIAIOSFODNN7EXAMPLE": "AKIA…MPLE",
		"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY": "wJal…EKEY",
	} {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWhere(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/src/mod/internal/store/store.go", -1, 100)
	f.SetLinesForContent([]byte("a\nb\nc\n"))
	if got, want := Where(fset, f.Pos(2)), "store/store.go:2"; got != want {
		t.Errorf("Where = %q, want %q", got, want)
	}
	if got := Where(fset, token.NoPos); got != "?" {
		t.Errorf("Where(NoPos) = %q, want ?", got)
	}
}

func TestSourceMasksStrings(t *testing.T) {
	for src, want := range map[string]string{
		`ticker.C`: `ticker.C`,
		`!done(ctx, "AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE")`: `!done(ctx, "AKIA…MPLE", "AKIA…MPLE")`,
		`f("x", 1)`: `f("****", 1)`,
	} {
		e, err := parser.ParseExpr(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := Source(e); got != want {
			t.Errorf("Source(%s) = %q, want %q", src, got, want)
		}
	}
}

func TestShorten(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{`cfg.Credentials.Retrieve(ctx)`, 40, `cfg.Credentials.Retrieve(ctx)`},
		// Arguments go first, last first; a word is never cut.
		{`client.AssumeRole(&sts.AssumeRoleInput{RoleArn: aws.String(arn)})`, 30, `client.AssumeRole(...)`},
		{`f(alpha, beta, gamma)`, 16, `f(alpha, ...)`},
		{`f(alpha, beta, gamma)`, 9, `f(...)`},
		{`sts.NewFromConfig(cfg).AssumeRole(ctx, in)`, 30, `sts.NewFromConfig(cfg).…`},
		{`cfg.Credentials.Retrieve(ctx)`, 24, `cfg.Credentials.…`},
		{`T{A: 1, B: 2, C: "x, y"}`, 14, `T{A: 1, ...}`},
		// Inside a string literal the cut falls between words.
		{`strings.Contains "The provided token has expired"`, 44, `strings.Contains "The provided token has…`},
		{`in helper.IsExpiredText, at src/expiryerr/helper/helper.go:12`, 44, `in helper.IsExpiredText, at src/expiryerr/…`},
		// Not at a bracket.
		{`client.GetSessionToken(ctx, in)`, 24, `client.…`},
		// Not right after an opening quote.
		{`prefix + "AWS_ACCESS_KEY_ID"`, 20, `prefix +…`},
		// One word longer than max: cut after it, or not at all.
		{`averyveryverylongidentifier.X`, 10, `averyveryverylongidentifier…`},
		{`averyveryverylongidentifier`, 10, `averyveryverylongidentifier`},
	} {
		if got := Shorten(c.in, c.max); got != c.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

func TestMaskLine(t *testing.T) {
	for in, want := range map[string]string{
		`	creds := credentials.NewStaticCredentialsProvider("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")`: `	creds := credentials.NewStaticCredentialsProvider("AKIA…MPLE", "wJal…EKEY", "")`,
		`	// key: AKIAIOSFODNN7EXAMPLE`:                                     `	// key: AKIA…MPLE`,
		"\tk := `ASIAIOSFODNN7EXAMPLE`":                                     "\tk := `ASIA…MPLE`",
		`		"AWS_SESSION_TOKEN=" + "FwoGZXIvYXdzEJr//////////wEaDOEXAMPLE",`: `		"AWS_SESSION_TOKEN=" + "FwoG…MPLE",`,
		// Names, regions and error codes stay readable.
		`	os.Getenv("AWS_SECRET_ACCESS_KEY"), "us-east-1", "ExpiredTokenException", "my-bucket-2024-logs"`: `	os.Getenv("AWS_SECRET_ACCESS_KEY"), "us-east-1", "ExpiredTokenException", "my-bucket-2024-logs"`,
		`	if strings.Contains(err.Error(), "The provided token has expired") {`:                            `	if strings.Contains(err.Error(), "The provided token has expired") {`,
		// A line that is not whole Go (inside a raw string) is still masked.
		`AKIAIOSFODNN7EXAMPLE unterminated "`: `AKIA…MPLE unterminated "`,
	} {
		if got := MaskLine(in); got != want {
			t.Errorf("MaskLine(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}

// FuzzShortenMaskLine: no input makes Shorten or MaskLine panic, Shorten
// never returns more than its input when it cuts, and MaskLine never
// leaves an AWS key ID whole.
func FuzzShortenMaskLine(f *testing.F) {
	for _, s := range []string{`cfg.Credentials.Retrieve(ctx)`, `f("a, b", {x}, [1])`, "`AKIAIOSFODNN7EXAMPLE", `"\"(`, `)))(((`, "é😀 (x, y)"} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 1 || max > 200 {
			return
		}
		Shorten(s, max)
		if got := MaskLine(s); awsKeyIDIn.MatchString(got) {
			t.Errorf("MaskLine(%q) = %q keeps a key", s, got)
		}
	})
}
