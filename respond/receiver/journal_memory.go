package receiver

import "sync"

// MemoryJournal is a Journal that forgets on exit, for tests and trials.
type MemoryJournal struct {
	mu sync.Mutex
	ix *index
}

// NewMemoryJournal returns an empty MemoryJournal.
func NewMemoryJournal() *MemoryJournal { return &MemoryJournal{ix: newIndex()} }

// Handled reports whether webhookID was appended.
func (j *MemoryJournal) Handled(webhookID string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.ix.has(webhookID)
}

// Append records r.
func (j *MemoryJournal) Append(r Record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.ix.has(r.WebhookID) {
		return ErrAlreadyHandled
	}
	j.ix.add(r)
	return nil
}

// Revocations returns the revocations recorded, oldest first.
func (j *MemoryJournal) Revocations() []Record {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.ix.revoked()
}
