package sdk

// providerSymbols are the symbols of providers.go's tables.
func providerSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	add(syms, "field", keys(credExpiryFields), keys(stsExpirationFields))
	add(syms, "type", keys(expiryTypes), keys(providerInterfaces))
	add(syms, "method", keys(expirySetters))
	add(syms, "func", keys(timeHelpers), keys(contextCtors))
	syms[ContextType] = "type"
	return syms
}
