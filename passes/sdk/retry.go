package sdk

import (
	"go/types"
)

// KnobUnit says how a retry knob's integer counts.
type KnobUnit int

// Retry knob units, with each SDK's meaning of 0 and negative values.
const (
	// AttemptsV2 counts attempts; 0 means the default (3), negative means
	// no cap (v2 s3.Options.RetryMaxAttempts, retry.StandardOptions.MaxAttempts, ...).
	AttemptsV2 KnobUnit = iota + 1
	// RetriesV1 counts retries after the first attempt; -1 means the
	// default (3 retries) (v1 aws.Config.MaxRetries, client.DefaultRetryer.NumMaxRetries).
	RetriesV1
	// AttemptsMinio counts attempts; 0 or less means minio.MaxRetry (10)
	// (minio.Options.MaxRetries).
	AttemptsMinio
	// AttemptsMinioDefault is the package default minio.MaxRetry: attempts
	// for every client without Options.MaxRetries; 0 or less means none.
	AttemptsMinioDefault
	// NoRetryer marks a retryer value that never retries (a single attempt).
	NoRetryer
)

// Knob describes a setting that controls how many attempts an SDK makes.
type Knob struct {
	SDK  SDK
	Unit KnobUnit
	// Arg is the argument index of the value for function knobs.
	Arg int
	// DefaultZero is true for struct types whose omitted field means zero
	// retries (v1 client.DefaultRetryer).
	DefaultZero bool
	// AppliesToCredentials is true for knobs that also govern the ECS
	// credential endpoint client (v2 config.WithRetryer, docs/sdk-behaviour.md: v2-ecs-window).
	AppliesToCredentials bool
}

// Attempts converts a knob value into the number of attempts it causes, and
// whether that number is finite and set (false for "default" and "no cap").
func (k Knob) Attempts(v int64) (int64, bool) {
	switch k.Unit {
	case AttemptsV2:
		return v, v > 0
	case RetriesV1:
		return v + 1, v >= 0
	case AttemptsMinio:
		return v, v > 0
	case AttemptsMinioDefault:
		if v < 0 {
			v = 0
		}
		return v, true
	case NoRetryer:
		return 1, true
	}
	return 0, false
}

var fieldKnobs = map[Symbol]Knob{
	{V2Aws, "Config", "RetryMaxAttempts"}:         {SDK: V2, Unit: AttemptsV2},
	{V2Config, "LoadOptions", "RetryMaxAttempts"}: {SDK: V2, Unit: AttemptsV2},
	{V2Retry, "StandardOptions", "MaxAttempts"}:   {SDK: V2, Unit: AttemptsV2},
	{V1Aws, "Config", "MaxRetries"}:               {SDK: V1, Unit: RetriesV1},
	{V1Client, "DefaultRetryer", "NumMaxRetries"}: {SDK: V1, Unit: RetriesV1, DefaultZero: true},
	{MinioPkg, "Options", "MaxRetries"}:           {SDK: Minio, Unit: AttemptsMinio},
}

// FieldKnob returns the retry knob a struct field is (Recv = declaring struct).
func FieldKnob(field Symbol) (Knob, bool) {
	if k, ok := fieldKnobs[field]; ok {
		return k, true
	}
	if v2OptionsField(field, "RetryMaxAttempts") {
		// every v2 service's Options.RetryMaxAttempts (sqs options.go:85-93)
		return Knob{SDK: V2, Unit: AttemptsV2}, true
	}
	return Knob{}, false
}

// StructDefaultKnobs returns, for a struct type whose omitted knob field
// means "no retries", the field's name and knob (v1 client.DefaultRetryer).
func StructDefaultKnobs(t types.Type) (string, Knob, bool) {
	ts := TypeSymbol(t)
	for f, k := range fieldKnobs {
		if k.DefaultZero && f.Path == ts.Path && f.Recv == ts.Name {
			return f.Name, k, true
		}
	}
	return "", Knob{}, false
}

var funcKnobs = map[Symbol]Knob{
	{V2Config, "", "WithRetryMaxAttempts"}: {SDK: V2, Unit: AttemptsV2, Arg: 0},
	{V2Retry, "", "AddWithMaxAttempts"}:    {SDK: V2, Unit: AttemptsV2, Arg: 1},
	{V1Aws, "Config", "WithMaxRetries"}:    {SDK: V1, Unit: RetriesV1, Arg: 0},
}

// FuncKnob returns the retry knob a function or method call sets.
func FuncKnob(fn Symbol) (Knob, bool) {
	k, ok := funcKnobs[fn]
	return k, ok
}

var varKnobs = map[Symbol]Knob{
	{MinioPkg, "", "MaxRetry"}: {SDK: Minio, Unit: AttemptsMinioDefault},
}

// VarKnob returns the retry knob a package-level SDK variable is.
func VarKnob(v Symbol) (Knob, bool) {
	k, ok := varKnobs[v]
	return k, ok
}

var noRetryerTypes = map[Symbol]Knob{
	{V2Aws, "", "NopRetryer"}:     {SDK: V2, Unit: NoRetryer},
	{V1Client, "", "NoOpRetryer"}: {SDK: V1, Unit: NoRetryer},
}

// NoRetryerType reports whether values of type t are retryers that never
// retry.
func NoRetryerType(t types.Type) (Knob, bool) {
	k, ok := noRetryerTypes[TypeSymbol(t)]
	return k, ok
}

// RetryerSetter describes a function whose argument installs a retryer.
type RetryerSetter struct {
	SDK SDK
	Arg int
	// NilDisables is true when a nil retryer means "no retries" (v1
	// request.WithRetryer).
	NilDisables bool
	// AppliesToCredentials: see Knob.
	AppliesToCredentials bool
}

var retryerSetters = map[Symbol]RetryerSetter{
	{V2Config, "", "WithRetryer"}:  {SDK: V2, Arg: 0, AppliesToCredentials: true},
	{V1Request, "", "WithRetryer"}: {SDK: V1, Arg: 1, NilDisables: true},
}

// RetryerSetterOf returns how the function sym installs a retryer.
func RetryerSetterOf(sym Symbol) (RetryerSetter, bool) {
	s, ok := retryerSetters[sym]
	return s, ok
}

// retryerFields are struct fields that hold a retryer (or a func returning one).
var retryerFields = map[Symbol]RetryerSetter{
	{V2Aws, "Config", "Retryer"}:         {SDK: V2},
	{V2Config, "LoadOptions", "Retryer"}: {SDK: V2, AppliesToCredentials: true},
	{V1Aws, "Config", "Retryer"}:         {SDK: V1},
}

// RetryerField reports whether field holds a retryer.
func RetryerField(field Symbol) (RetryerSetter, bool) {
	if s, ok := retryerFields[field]; ok {
		return s, true
	}
	if v2OptionsField(field, "Retryer") {
		return RetryerSetter{SDK: V2}, true // every v2 service's Options.Retryer
	}
	return RetryerSetter{}, false
}

// intPointerHelpers turn a constant into a pointer (aws.Int(0)).
var intPointerHelpers = map[Symbol]bool{
	{V1Aws, "", "Int"}:   true,
	{V1Aws, "", "Int64"}: true,
	{V2Aws, "", "Int"}:   true,
	{V2Aws, "", "Int32"}: true,
}
