package sdk

// errorSymbols are the symbols of errors.go's tables: operations, error
// streams and error classifiers.
func errorSymbols() map[Symbol]string {
	syms := map[Symbol]string{}
	add(syms, "type", keys(operationReceivers))
	add(syms, "method", keys(headOperations))
	syms[RequestSend] = "method"
	for k, f := range errorStreams {
		syms[k] = "method"
		syms[f] = "field"
	}
	add(syms, "type", keys(errorTypes))
	add(syms, "func", keys(classifierFuncs))
	return syms
}
