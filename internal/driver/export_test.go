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
