package main

import (
	"context"
	"net/http"
	"os"

	"credlint.test/src/globalclient/setup"
)

func init() {
	setup.Init() // want `globalclient: setup.Init sets setup.client, a package-level \*s3\.Client that lives for the whole process \(this call is in init\), but its credentials come from credentials.NewStaticCredentialsProvider\(os.Getenv\("AWS_ACCESS_KEY_ID"\), \.\.\.\) at src/globalclient/setup/setup.go:25; they never refresh`
}

// start is called from main.
func start() {
	setup.Configure(os.Getenv("KEY"), os.Getenv("SECRET"))                   // want `globalclient: setup.Configure sets setup.client, a package-level \*s3\.Client that lives for the whole process \(this call is in start, called from main\), but its credentials come from credentials.NewStaticCredentialsProvider\(key, \.\.\.\)`
	setup.AddTenant("acme", os.Getenv("ACME_KEY"), os.Getenv("ACME_SECRET")) // want `globalclient: setup.AddTenant sets setup.tenants\[name\]`
	setup.Setup()                                                            // want `globalclient: setup.Setup sets setup.client`
	svc := &setup.Service{Region: "eu-west-1"}
	svc.Start() // want `globalclient: setup.Service.Start sets setup.client, a package-level \*s3\.Client that lives for the whole process \(this call is in start, called from main\)`

	// Quiet: the default chain refreshes.
	if err := setup.InitDefault(context.Background()); err != nil {
		panic(err)
	}
	_ = setup.Client()

	// Quiet: a handler reconfigures per request, not once at start-up.
	http.HandleFunc("/rotate", func(w http.ResponseWriter, r *http.Request) {
		setup.Configure(r.FormValue("key"), r.FormValue("secret"))
	})
}
