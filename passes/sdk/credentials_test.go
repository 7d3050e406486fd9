package sdk

// credentialSymbols are the symbols of credentials.go's tables.
func credentialSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	addKeys(syms, "func", credConstructors)
	addKeys(syms, "type", credTypes)
	addKeys(syms, "var", credVars)
	addKeys(syms, "method", snapshotMethods)
	addKeys(syms, "field", credFields)
	addKeys(syms, "field", endpointFields)
	addKeys(syms, "func", credSetters)
	addKeys(syms, "func", endpointSetters)
	addKeys(syms, "type", credValueTypes)
	addKeys(syms, "type", credProviderTypes)
	for k := range credEnvVars {
		if k.Name[:3] == "New" {
			syms[k] = "func"
		} else {
			syms[k] = "type"
		}
	}
	addKeys(syms, "field", credValueFields)
	addKeys(syms, "func", stringPointerHelpers)
	syms[CredentialsProviderFunc] = "type"
	return syms
}
