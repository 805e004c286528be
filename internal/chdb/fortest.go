package chdb

import (
	"os"
	"testing"

	"github.com/credwatch/credwatch/internal/testenv"
)

// DefaultLib is where `make chdb` installs chDB's libchdb.so;
// CREDWATCH_CHDB_LIB overrides it.
const DefaultLib = "/usr/local/lib/libchdb.so"

// ForTest starts an embedded current ClickHouse over a temporary directory,
// closed at cleanup. When libchdb.so is not installed the test fails under
// CI=true and is skipped otherwise.
func ForTest(t testing.TB) *Session {
	t.Helper()
	lib := os.Getenv("CREDWATCH_CHDB_LIB")
	if lib == "" {
		lib = DefaultLib
	}
	if _, err := os.Stat(lib); err != nil {
		testenv.Missing(t, lib+" is not installed (make chdb)")
	}
	s, err := Open(lib, t.TempDir())
	if err != nil {
		t.Fatalf("start chDB: %v", err)
	}
	t.Cleanup(s.Close)
	return s
}
