package main

import (
	"context"
	"net/http"
	"os"

	"credlint.test/src/globalclient/setup"
)

func init() {
	setup.Init() // want `globalclient: setup\.Init sets setup\.client, a process-wide \*s3\.Client \(in init\), on env keys from src/globalclient/setup/setup\.go:\d+`
}

// start is called from main.
func start() {
	setup.Configure(os.Getenv("KEY"), os.Getenv("SECRET"))                   // want `globalclient: setup\.Configure sets setup\.client, a process-wide \*s3\.Client \(in start, called from main\), on configured keys from src/globalclient/setup/setup\.go:\d+`
	setup.AddTenant("acme", os.Getenv("ACME_KEY"), os.Getenv("ACME_SECRET")) // want `globalclient: setup.AddTenant sets setup.tenants\[name\]`
	setup.Setup()                                                            // want `globalclient: setup.Setup sets setup.client`
	svc := &setup.Service{Region: "eu-west-1"}
	svc.Start() // want `globalclient: setup\.Service\.Start sets setup\.client, a process-wide \*s3\.Client \(in start, called from main\), on env keys from src/globalclient/setup/setup\.go:\d+`

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
