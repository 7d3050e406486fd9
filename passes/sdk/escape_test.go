package sdk

// escapeSymbols are the symbols of escape.go's tables.
func escapeSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	for k := range stsCredTypes {
		syms[k] = "type"
		for _, f := range STSKeyFields {
			syms[Symbol{k.Path, k.Name, f}] = "field"
		}
	}
	for k := range signers {
		if k.Recv == "" {
			syms[k] = "func"
		} else {
			syms[k] = "method"
		}
	}
	add(syms, "field", keys(envSliceFields))
	for k := range envPairTypes {
		syms[k] = "type"
		syms[Symbol{k.Path, k.Name, "Name"}] = "field"
		syms[Symbol{k.Path, k.Name, "Value"}] = "field"
	}
	syms[FmtSprintf] = "func"
	add(syms, "method", keys(configMerges), keys(presignMethods))
	add(syms, "field", keys(baseKeyFields))
	return syms
}
