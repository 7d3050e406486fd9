package sdk

// credentialSymbols are the symbols of credentials.go's tables.
func credentialSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	add(syms, "func", keys(credConstructors), keys(credSetters), keys(endpointSetters), keys(stringPointerHelpers))
	add(syms, "type", keys(credTypes), keys(credValueTypes), keys(credProviderTypes))
	add(syms, "var", keys(credVars))
	add(syms, "method", keys(snapshotMethods))
	add(syms, "field", keys(credFields), keys(endpointFields), keys(credValueFields))
	for k := range credEnvVars {
		if k.Name[:3] == "New" {
			syms[k] = "func"
		} else {
			syms[k] = "type"
		}
	}
	syms[CredentialsProviderFunc] = "type"
	return syms
}
