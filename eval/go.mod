module github.com/credlint/credlint/eval

go 1.26.0
