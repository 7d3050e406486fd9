package config

// The config package's own tests run without package analyzers, which sets
// Rules in a real program: they use credlint's rule names.
func init() {
	Rules = []string{"staticcreds", "globalclient", "noretry", "expiryerr", "presignttl"}
}
