package sdk

import (
	"go/types"
	"sync"
)

// describedOnce builds describedTypes.
var describedOnce sync.Once

// describedTypes are the SDK package-level objects this package's tables
// name: every function, variable and type listed in a table, and every
// receiver or struct type whose methods or fields a table lists (the config, options and session types whose
// credential and retry fields are knobs, the clients whose methods are
// operations, the providers whose methods are retrievals).
var describedTypes map[Symbol]bool

// symbolTables lists the tables keyed by Symbol, for describedTypes, but
// valueHelper's: aws.String, aws.Int and aws.ToTime matter only inside
// the expression a rule evaluates (a constant through a pointer), never
// to a fact.
func symbolTables() []func(yield func(Symbol)) {
	return []func(yield func(Symbol)){
		symbolsOf(requestBodyFields), symbolsOf(nonSeekingReaders), symbolsOf(clientTypes), symbolsOf(constructors),
		symbolsOf(credConstructors), symbolsOf(credTypes), symbolsOf(credVars), symbolsOf(credFields), symbolsOf(endpointFields),
		symbolsOf(credSetters), symbolsOf(endpointSetters), symbolsOf(credValueTypes), symbolsOf(credProviderTypes),
		symbolsOf(credEnvVars), symbolsOf(snapshotMethods), symbolsOf(credValueFields),
		symbolsOf(operationReceivers), symbolsOf(notOperations), symbolsOf(errorStreams), symbolsOf(headOperations),
		symbolsOf(errorTypes), symbolsOf(classifierFuncs), symbolsOf(expiryClassifiers), symbolsOf(errorCodeMethods),
		symbolsOf(errorCodeFields), symbolsOf(stsCredTypes), symbolsOf(signers), symbolsOf(baseKeyFields), symbolsOf(envSliceFields),
		symbolsOf(envPairTypes), symbolsOf(presignMethods), symbolsOf(configMerges), symbolsOf(presignExpiries),
		symbolsOf(credExpiryFields), symbolsOf(expiryTypes), symbolsOf(expirySetters), symbolsOf(providerInterfaces),
		symbolsOf(stsExpirationFields), symbolsOf(contextCtors), symbolsOf(fieldKnobs), symbolsOf(funcKnobs),
		symbolsOf(varKnobs), symbolsOf(noRetryerTypes), symbolsOf(retryerSetters), symbolsOf(retryerFields),
	}
}

func symbolsOf[V any](m map[Symbol]V) func(yield func(Symbol)) {
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
	initDescribed()
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

// Listed reports whether a package-level object of an SDK (a function, a
// variable such as minio-go's MaxRetry, a type) is named in one of this
// package's tables, or owns a method or field that is.
func Listed(obj types.Object) bool {
	initDescribed()
	return describedTypes[SymbolOf(obj)]
}

func initDescribed() {
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
		for _, s := range []Symbol{CredentialsProviderFunc, RequestSend, NewPresignClient} {
			if s.Recv != "" {
				s.Name = s.Recv
			}
			describedTypes[Symbol{Path: s.Path, Name: s.Name}] = true
		}
	})
}

// valueHelper reports whether sym is a helper that turns a value into a
// pointer or back (aws.String, aws.Int, aws.ToTime).
func valueHelper(sym Symbol) bool {
	return stringPointerHelpers[sym] || intPointerHelpers[sym] || timeHelpers[sym] != None
}
