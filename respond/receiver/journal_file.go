package receiver

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
)

// JournalFile is the file a FileJournal keeps in its directory.
const JournalFile = "journal.jsonl"

// FileJournal is a Journal in a directory: one JSON line per record,
// appended and fsynced before Append returns, read back on open so that
// replays stay rejected across restarts. One process at a time may use a
// directory.
type FileJournal struct {
	mu     sync.Mutex
	file   *os.File
	ix     *index
	closed bool
}

// OpenFileJournal opens (creating when missing) the journal in dir and
// loads it. A last line cut short by a crash was never acknowledged: it is
// dropped, with a warning (a nil log discards). Any other unreadable line
// is an error.
func OpenFileJournal(dir string, log *slog.Logger) (*FileJournal, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	path := filepath.Join(dir, JournalFile)
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("journal: %w", err)
	}
	ix, err := load(f, log)
	if err == nil {
		err = syncDir(dir)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("journal %s: %w", path, err)
	}
	return &FileJournal{file: f, ix: ix}, nil
}

// Handled reports whether webhookID was appended.
func (j *FileJournal) Handled(webhookID string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.ix.has(webhookID)
}

// Append writes r as one line and fsyncs the file before remembering it.
func (j *FileJournal) Append(r Record) error {
	line, err := json.Marshal(r)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	switch {
	case j.closed:
		return errors.New("journal: closed")
	case j.ix.has(r.WebhookID):
		return ErrAlreadyHandled
	}
	if _, err := j.file.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if err := j.file.Sync(); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	j.ix.add(r)
	return nil
}

// Revocations returns the revocations recorded, oldest first.
func (j *FileJournal) Revocations() []Record {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.ix.revoked()
}

// Close closes the file; later Appends fail.
func (j *FileJournal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return nil
	}
	j.closed = true
	return j.file.Close()
}
