package sdk

// retrySymbols are the symbols of retry.go's tables.
func retrySymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	add(syms, "field", keys(fieldKnobs), keys(retryerFields))
	add(syms, "func", keys(funcKnobs), keys(retryerSetters), keys(intPointerHelpers))
	add(syms, "var", keys(varKnobs))
	add(syms, "type", keys(noRetryerTypes))
	return syms
}
