package credflow

import "testing"

func TestNonAWSEndpoint(t *testing.T) {
	for endpoint, want := range map[string]bool{
		"localhost:9000":         true,
		"http://localhost:9000":  true,
		"http://localstack:4566": true,
		"minio:9000":             true,
		"http://127.0.0.1:9000":  true,
		"http://[::1]:9000":      true,
		"http://10.0.3.7:9000":   true,
		"https://s3.local":       true,
		"https://0123456789abcdef.r2.cloudflarestorage.com": true,
		"https://storage.googleapis.com":                    true,
		"play.min.io":                                       true,
		"":                                                  false,
		"s3.amazonaws.com":                                  false,
		"https://s3.eu-west-1.amazonaws.com":                false,
		"https://bucket.s3.cn-north-1.amazonaws.com.cn": false,
		"https://mypikpak.com/":                         false,
		"https://objects.example.com":                   false,
		"http://169.254.170.2":                          false,
	} {
		if got := NonAWSEndpoint(endpoint); got != want {
			t.Errorf("NonAWSEndpoint(%q) = %v, want %v", endpoint, got, want)
		}
	}
}
