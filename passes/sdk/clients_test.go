package sdk

// clientSymbols are the symbols of clients.go's tables.
func clientSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	addKeys(syms, "type", clientTypes)
	addKeys(syms, "func", constructors)
	return syms
}
