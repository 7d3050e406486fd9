package srctext

import (
	"go/scanner"
	"go/token"
	"regexp"
	"strconv"
	"strings"
)

// awsKeyIDIn finds AWS access key IDs anywhere in a text (awsKeyID
// unanchored, at word boundaries).
var awsKeyIDIn = regexp.MustCompile(`\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[A-Z0-9]{16}\b`)

// secretShape is a string that may be a secret access key, a session
// token or another generated credential: 16 or more characters of the
// base64 and base64url alphabets, with a letter and a digit, "/" or "+".
var secretShape = regexp.MustCompile(`^[A-Za-z0-9/+=_-]{16,}$`)

// Secret reports whether a string literal's value may be a secret: an AWS
// access key ID, or a long token-shaped string (wJalrXUtnFEMI/K7MDENG/...)
// that is not shaped like a name (aws_secret_access_key, my-bucket-2024).
func Secret(s string) bool {
	if AWSKeyID(s) {
		return true
	}
	return secretShape.MatchString(s) && strings.ContainsAny(s, "0123456789/+") &&
		strings.IndexFunc(s, func(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }) >= 0 &&
		!nameShape.MatchString(s)
}

// MaskLine masks the secrets in a line of Go source printed as context
// around a finding, as messages mask them (Mask): every AWS access key ID
// (in code, comments and raw strings alike) and every string literal
// whose value may be a secret (Secret). Other literals ("us-east-1",
// "ExpiredToken", "AWS_ACCESS_KEY_ID") stay as written so the line still
// reads as code.
func MaskLine(line string) string {
	var s scanner.Scanner
	src := []byte(line)
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	s.Init(file, src, func(token.Position, string) {}, scanner.ScanComments)
	var b strings.Builder
	last := 0
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok != token.STRING && tok != token.CHAR {
			continue
		}
		off := file.Offset(pos)
		if off < last || off+len(lit) > len(line) || line[off:off+len(lit)] != lit {
			continue
		}
		v, err := strconv.Unquote(lit)
		if err != nil || !Secret(v) {
			continue
		}
		b.WriteString(line[last:off])
		if lit[0] == '`' {
			b.WriteString("`" + Mask(v) + "`")
		} else {
			b.WriteString(strconv.Quote(Mask(v)))
		}
		last = off + len(lit)
	}
	b.WriteString(line[last:])
	return awsKeyIDIn.ReplaceAllStringFunc(b.String(), Mask)
}
