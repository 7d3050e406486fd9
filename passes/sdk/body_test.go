package sdk

// bodySymbols are the symbols of body.go's tables (SDKs and the standard
// library).
func bodySymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	add(syms, "field", keys(requestBodyFields))
	add(syms, "func", keys(nonSeekingReaders))
	return syms
}
