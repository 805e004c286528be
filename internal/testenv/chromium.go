package testenv

import (
	"os/exec"
	"testing"
)

// Chromium returns the path of Debian's chromium for browser tests. When it
// is not installed the test fails under CI=true and is skipped otherwise.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	Missing(t, "chromium is not installed (apt-get update && apt-get install -y chromium)")
	return ""
}
