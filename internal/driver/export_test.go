package driver

// SetExportFileUsable replaces the check that a dependency's export data
// file (of the package path) can be read, and returns a function that restores it: tests make
// one package's export data unavailable, as a build cache trimmed during
// a run does.
func SetExportFileUsable(usable func(path, file string) bool) (restore func()) {
	old := exportFileUsable
	exportFileUsable = usable
	return func() { exportFileUsable = old }
}

// SetStandIn turns off (or on) the analysis of a package's test variant in
// place of the package, and returns a function that restores it: tests
// compare with the analysis of both.
func SetStandIn(on bool) (restore func()) {
	old := standIn
	standIn = on
	return func() { standIn = old }
}

// SetDeclareNonFactful declares every candidate of the source set not
// factful (or restores the decision), and returns a function that
// restores it: tests show that the layouts that need a candidate's facts
// then lose findings.
func SetDeclareNonFactful(on bool) (restore func()) {
	old := declareNonFactful
	declareNonFactful = on
	return func() { declareNonFactful = old }
}

// SetFixReach turns off (or on) fixReach, and returns a function that
// restores it.
func SetFixReach(on bool) (restore func()) {
	old := fixReachOn
	fixReachOn = on
	return func() { fixReachOn = old }
}
