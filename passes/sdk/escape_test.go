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
	addKeys(syms, "field", envSliceFields)
	for k := range envPairTypes {
		syms[k] = "type"
		syms[Symbol{k.Path, k.Name, "Name"}] = "field"
		syms[Symbol{k.Path, k.Name, "Value"}] = "field"
	}
	syms[FmtSprintf] = "func"
	addKeys(syms, "method", configMerges)
	addKeys(syms, "method", presignMethods)
	addKeys(syms, "field", baseKeyFields)
	return syms
}
