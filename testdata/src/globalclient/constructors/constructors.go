// Package constructors keeps a Store from store.New (listed in
// globalclient.constructors) for the whole process.
package constructors

import "credlint.test/src/globalclient/constructors/store"

var blobs = store.New() // want `globalclient: blobs \(an AWS client\) lives for the whole process \(set at its declaration\) but its credentials come from credentials.NewStaticCredentialsProvider\(os.Getenv\("AWS_ACCESS_KEY_ID"\), \.\.\.\) at src/globalclient/constructors/store/store.go:24 \(via store.New at src/globalclient/constructors/constructors.go:7\)`

var memory = store.Memory() // not a listed constructor: not tracked
