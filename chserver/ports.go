package chserver

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
)

// addressInUse is what clickhouse-server logs when a port is already bound.
var addressInUse = []byte("Address already in use")

// errLog is the server's error log file.
func (s *Server) errLog() string { return filepath.Join(s.cfg.Dir, "err") }

// lostPortRace reports whether the error log, past offset, says a port was
// already bound: another process took it after FreePort released it.
func (s *Server) lostPortRace(offset int64) bool {
	f, err := os.Open(s.errLog())
	if err != nil {
		return false
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return false
	}
	tail, err := io.ReadAll(io.LimitReader(f, 1<<20))
	return err == nil && bytes.Contains(tail, addressInUse)
}

// picksPorts reports whether Start chooses at least one of cfg's ports.
func picksPorts(cfg Config) bool {
	return cfg.TCPPort == 0 || cfg.HTTPPort == 0 || cfg.InterServer == 0
}

// fileSize is the size of path, 0 when it does not exist.
func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}
