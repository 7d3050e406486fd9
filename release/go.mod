module github.com/credlint/credlint/release

go 1.26.0
