package sdk

import (
	"go/types"
	"sync"
)

// describedOnce builds describedTypes.
var describedOnce sync.Once

// describedTypes are the SDK types this package's tables describe: every
// type listed in a table, and every receiver or struct type whose methods
// or fields a table lists (the config, options and session types whose
// credential and retry fields are knobs, the clients whose methods are
// operations, the providers whose methods are retrievals).
var describedTypes map[Symbol]bool

// symbolTables lists the tables keyed by Symbol, for describedTypes.
func symbolTables() []func(yield func(Symbol)) {
	return []func(yield func(Symbol)){
		keys(requestBodyFields), keys(nonSeekingReaders), keys(clientTypes), keys(constructors),
		keys(credConstructors), keys(credTypes), keys(credVars), keys(credFields), keys(endpointFields),
		keys(credSetters), keys(endpointSetters), keys(credValueTypes), keys(credProviderTypes),
		keys(credEnvVars), keys(stringPointerHelpers), keys(snapshotMethods), keys(credValueFields),
		keys(operationReceivers), keys(notOperations), keys(errorStreams), keys(headOperations),
		keys(errorTypes), keys(classifierFuncs), keys(expiryClassifiers), keys(errorCodeMethods),
		keys(errorCodeFields), keys(stsCredTypes), keys(signers), keys(baseKeyFields), keys(envSliceFields),
		keys(envPairTypes), keys(presignMethods), keys(configMerges), keys(presignExpiries),
		keys(credExpiryFields), keys(expiryTypes), keys(expirySetters), keys(providerInterfaces),
		keys(stsExpirationFields), keys(timeHelpers), keys(contextCtors), keys(fieldKnobs), keys(funcKnobs),
		keys(varKnobs), keys(noRetryerTypes), keys(retryerSetters), keys(retryerFields), keys(intPointerHelpers),
	}
}

func keys[V any](m map[Symbol]V) func(yield func(Symbol)) {
	return func(yield func(Symbol)) {
		for s := range m {
			yield(s)
		}
	}
}

// DescribedType reports whether t (or *t) is a type this package knows
// something about: a client, session, config or options type, a credential
// value, provider or expiry type, a retryer, an SDK error type, or the
// receiver of a method or owner of a field a table lists. The driver asks
// it whether an SDK type can lead a package to a fact (an SDK data type,
// such as aws-sdk-go's s3.Grant, cannot).
func DescribedType(t types.Type) bool {
	describedOnce.Do(func() {
		describedTypes = map[Symbol]bool{}
		for _, table := range symbolTables() {
			table(func(s Symbol) {
				if s.Recv != "" {
					describedTypes[Symbol{Path: s.Path, Name: s.Recv}] = true
				} else {
					describedTypes[Symbol{Path: s.Path, Name: s.Name}] = true
				}
			})
		}
		for _, s := range errorStreams {
			describedTypes[Symbol{Path: s.Path, Name: s.Recv}] = true
		}
	})
	if NamedOf(t) == nil {
		return false
	}
	if describedTypes[TypeSymbol(t)] {
		return true
	}
	if _, ok := ClientTypeOf(t); ok {
		return true
	}
	if _, ok := ErrorType(t); ok {
		return true
	}
	return false
}
