package sdk

// retrySymbols are the symbols of retry.go's tables.
func retrySymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	addKeys(syms, "field", fieldKnobs)
	addKeys(syms, "func", funcKnobs)
	addKeys(syms, "var", varKnobs)
	addKeys(syms, "type", noRetryerTypes)
	addKeys(syms, "func", retryerSetters)
	addKeys(syms, "field", retryerFields)
	addKeys(syms, "func", intPointerHelpers)
	return syms
}
