// Package constructors keeps a Store from store.New (listed in
// globalclient.constructors) for the whole process.
package constructors

import "credlint.test/src/globalclient/constructors/store"

var blobs = store.New() // want `globalclient: blobs \(an AWS client\) is process-wide \(set at its declaration\) on env keys from src/globalclient/constructors/store/store\.go:\d+ via store\.New`

var memory = store.Memory() // not a listed constructor: not tracked
