// Package chdb runs SQL on ClickHouse embedded as a library (chDB's
// libchdb.so, loaded at run time without cgo). No ClickHouse server newer
// than 18.16 can be installed on the machines credwatch is built on, but
// chDB ships a current ClickHouse as an npm package: tests use it to check
// that what credwatch sends a modern server (its migrations, its inserts,
// the queries it logged on 18.16) runs there.
package chdb

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"unsafe"

	"github.com/ebitengine/purego"
)

// Session is one embedded ClickHouse over a data directory.
type Session struct {
	mu   sync.Mutex
	conn *uintptr // chdb_connection *
	api  api
}

// api is libchdb's C functions this package calls.
type api struct {
	connect func(argc int32, argv **byte) *uintptr
	closeC  func(conn *uintptr)
	query   func(conn uintptr, q *byte, qlen uintptr, format *byte, flen uintptr) uintptr
	buffer  func(result uintptr) *byte
	length  func(result uintptr) uintptr
	errorOf func(result uintptr) string
	destroy func(result uintptr)
}

// Open loads lib (a libchdb.so) and starts ClickHouse over dir. A process
// holds one Session at a time.
func Open(lib, dir string) (*Session, error) {
	h, err := purego.Dlopen(lib, purego.RTLD_NOW|purego.RTLD_GLOBAL)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", lib, err)
	}
	var a api
	var signalHandlers func(enabled bool)
	for name, fn := range map[string]any{
		"chdb_set_signal_handlers_enabled": &signalHandlers,
		"chdb_connect":                     &a.connect,
		"chdb_close_conn":                  &a.closeC,
		"chdb_query_n":                     &a.query,
		"chdb_result_buffer":               &a.buffer,
		"chdb_result_length":               &a.length,
		"chdb_result_error":                &a.errorOf,
		"chdb_destroy_query_result":        &a.destroy,
	} {
		sym, err := purego.Dlsym(h, name)
		if err != nil {
			_ = purego.Dlclose(h)
			return nil, fmt.Errorf("%s: %w", lib, err)
		}
		purego.RegisterFunc(fn, sym)
	}
	signalHandlers(false) // the Go runtime's own (preemption, nil checks) must stay
	argv := []*byte{cString("clickhouse"), cString("--path=" + dir)}
	conn := a.connect(int32(len(argv)), &argv[0])
	runtime.KeepAlive(argv)
	if conn == nil || *conn == 0 {
		_ = purego.Dlclose(h)
		return nil, errors.New("chdb: connect failed")
	}
	return &Session{conn: conn, api: a}, nil // the library stays loaded: its threads outlive a session
}

// Query runs one statement; an INSERT's data may follow its FORMAT clause
// in the same bytes. It returns the output in TabSeparated.
func (s *Session) Query(statement []byte) (string, error) {
	if len(statement) == 0 {
		return "", errors.New("chdb: empty statement")
	}
	format := []byte("TabSeparated")
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.api.query(*s.conn, &statement[0], uintptr(len(statement)), &format[0], uintptr(len(format)))
	runtime.KeepAlive(statement)
	runtime.KeepAlive(format)
	if r == 0 {
		return "", errors.New("chdb: no result")
	}
	defer s.api.destroy(r)
	if msg := s.api.errorOf(r); msg != "" {
		return "", errors.New(msg)
	}
	n := s.api.length(r)
	if n == 0 {
		return "", nil
	}
	return string(unsafe.Slice(s.api.buffer(r), n)), nil
}

// Exec is Query for a statement given as a string.
func (s *Session) Exec(statement string) (string, error) { return s.Query([]byte(statement)) }

// Close stops the embedded server.
func (s *Session) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.api.closeC(s.conn)
}

func cString(s string) *byte {
	b := append([]byte(s), 0)
	return &b[0]
}
