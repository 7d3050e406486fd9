package sdk

// presignSymbols are the symbols of presign.go's tables.
func presignSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	for k, p := range presignExpiries {
		if p.Arg < 0 {
			syms[k] = "field"
		} else {
			syms[k] = "func"
		}
	}
	syms[NewPresignClient] = "func"
	return syms
}
