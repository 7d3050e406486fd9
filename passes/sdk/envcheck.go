package sdk

import (
	"bytes"
	"go/ast"
	"go/token"
	"strings"
)

// EnvOnly reports whether a package that cannot reach an SDK may still put
// AWS credentials into an environment: a bootstrap package that exports
// secrets with os.Setenv before clients are built elsewhere, or that starts
// a child process with keys in exec.Cmd.Env. Rules that report those look
// at such packages too; every other rule skips them.
func (r *Reach) EnvOnly() bool { return r.Env && !r.SDKs && !r.Own }

// envImports are the packages through which Go code sets an environment.
var envImports = map[string]bool{`"os"`: true, `"os/exec"`: true, `"syscall"`: true}

// mentionsCredentialVars is the cheap syntactic pre-check behind EnvOnly:
// a file imports os, os/exec or syscall and holds a string literal that
// names an AWS credential variable (DefaultChainEnvKeys).
func mentionsCredentialVars(files []*ast.File) bool {
	for _, f := range files {
		imports := false
		for _, imp := range f.Imports {
			if envImports[imp.Path.Value] {
				imports = true
				break
			}
		}
		if !imports {
			continue
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "AWS_") {
				for _, names := range DefaultChainEnvKeys {
					for _, name := range names {
						if strings.Contains(lit.Value, name) {
							found = true
						}
					}
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

// MayMentionCredentialVars reports whether a Go file's source may pass
// EnvOnly's syntactic pre-check: it names an AWS credential variable
// (DefaultChainEnvKeys). A superset, for drivers that must decide before
// parsing which packages' passes may export facts.
func MayMentionCredentialVars(src []byte) bool {
	if !bytes.Contains(src, []byte("AWS_")) {
		return false
	}
	for _, names := range DefaultChainEnvKeys {
		for _, name := range names {
			if bytes.Contains(src, []byte(name)) {
				return true
			}
		}
	}
	return false
}
