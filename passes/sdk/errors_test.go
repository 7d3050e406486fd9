package sdk

// errorSymbols are the symbols of errors.go's tables: operations, error
// streams and error classifiers.
func errorSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	addKeys(syms, "type", operationReceivers)
	addKeys(syms, "method", headOperations)
	syms[RequestSend] = "method"
	for k, f := range errorStreams {
		syms[k] = "method"
		syms[f] = "field"
	}
	addKeys(syms, "type", errorTypes)
	addKeys(syms, "func", classifierFuncs)
	return syms
}
