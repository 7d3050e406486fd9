package brokentest

import "testing"

func TestClient(t *testing.T) {
	var region int = Client.Options().Region // a string: does not type-check
	_ = region
}
