package sdk

// bodySymbols are the symbols of body.go's tables (SDKs and the standard
// library).
func bodySymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	addKeys(syms, "field", requestBodyFields)
	addKeys(syms, "func", nonSeekingReaders)
	return syms
}
