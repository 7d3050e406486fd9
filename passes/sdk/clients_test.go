package sdk

// clientSymbols are the symbols of clients.go's tables.
func clientSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	add(syms, "type", keys(clientTypes))
	add(syms, "func", keys(constructors))
	return syms
}
