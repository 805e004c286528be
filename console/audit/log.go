package audit

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/credwatch/credwatch/store"
)

// Log appends entries to the chain. It is safe for concurrent use: one
// append at a time.
type Log struct {
	st     *store.Store
	now    func() time.Time
	events Emitter
	log    *slog.Logger

	mu       sync.Mutex
	lastSeq  uint64
	lastHash string
	stale    bool // an insert failed: reread the tail before the next append
}

// NewLog opens the chain in st (reads the last entry to continue from).
// now defaults to time.Now; events may be nil (no events emitted).
func NewLog(ctx context.Context, st *store.Store, now func() time.Time, events Emitter) (*Log, error) {
	if st == nil {
		return nil, errors.New("audit: new log: no store")
	}
	if now == nil {
		now = time.Now
	}
	l := &Log{st: st, now: now, events: events, log: slog.Default().With("component", "console.audit")}
	if err := l.readTail(ctx); err != nil {
		return nil, err
	}
	return l, nil
}

// WithLogger makes l log (emit failures) to log instead of slog.Default.
func (l *Log) WithLogger(log *slog.Logger) *Log {
	l.log = log.With("component", "console.audit")
	return l
}

// readTail loads the last entry's seq and hash (genesis when empty).
func (l *Log) readTail(ctx context.Context) error {
	l.lastSeq, l.lastHash = 0, GenesisHash
	rows, err := l.st.Conn().Query(ctx, "SELECT seq, hash FROM "+table+" ORDER BY seq DESC, hash DESC LIMIT 1")
	if err != nil {
		return fmt.Errorf("audit: read the last entry of %s: %w", table, err)
	}
	defer rows.Close()
	if rows.Next() {
		if err := rows.Scan(&l.lastSeq, &l.lastHash); err != nil {
			return fmt.Errorf("audit: scan the last entry of %s: %w", table, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("audit: read the last entry of %s: %w", table, err)
	}
	l.stale = false
	return nil
}

// Append records one action: it assigns Seq, At (now, whole seconds),
// PrevHash and Hash, cuts Detail to MaxDetail bytes, inserts the entry,
// then emits it as a "console.<action>" event (a failure to emit is
// logged, not returned). It returns the entry as stored. Events of
// concurrent appends may reach the topic out of order; their seq attr
// orders them.
func (l *Log) Append(ctx context.Context, e Entry) (Entry, error) {
	if strings.TrimSpace(e.Action) == "" {
		return Entry{}, errors.New("audit: append: the entry has no action")
	}
	at := l.now()
	stored, err := l.insert(ctx, e, at)
	if err != nil {
		return Entry{}, err
	}
	if l.events != nil {
		ev := toEvent(stored, at)
		if err := l.events.Emit(ctx, ev); err != nil {
			l.log.Warn("console action event not emitted", "seq", stored.Seq, "action", ev.Action, "err", err.Error())
		}
	}
	return stored, nil
}

// insert chains e after the last entry and stores it, under the lock.
func (l *Log) insert(ctx context.Context, e Entry, at time.Time) (Entry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stale {
		if err := l.readTail(ctx); err != nil {
			return Entry{}, err
		}
	}
	e.Seq = l.lastSeq + 1
	e.At = at.UTC().Truncate(time.Second)
	e.Detail = truncate(e.Detail, MaxDetail)
	e.PrevHash = l.lastHash
	e.Hash = hashOf(e)
	rows := store.Rows{Table: table, Columns: columns, Values: [][]any{e.row()}}
	if err := l.st.InsertRows(ctx, rows); err != nil {
		l.stale = true // the insert may have landed all the same
		return Entry{}, fmt.Errorf("audit: append %s seq %d: %w", e.Action, e.Seq, err)
	}
	l.lastSeq, l.lastHash = e.Seq, e.Hash
	return e, nil
}
