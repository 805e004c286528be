package suppressions

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/store"
)

// Remote reads the suppressions of the ClickHouse at a DSN for live
// detection, connecting on first use (and again after a failed connect),
// so that detection starts while ClickHouse is down. Safe for concurrent use.
type Remote struct {
	dsn string
	log *slog.Logger
	mu  sync.Mutex
	st  *store.Store
}

// NewRemote reads from the ClickHouse at dsn.
func NewRemote(dsn string, log *slog.Logger) *Remote { return &Remote{dsn: dsn, log: log} }

// Active is Store.Active on the remote store.
func (r *Remote) Active(ctx context.Context, now time.Time) ([]detect.Suppression, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.st == nil {
		st, err := store.Open(ctx, r.dsn, r.log)
		if err != nil {
			return nil, err
		}
		r.st = st
	}
	return NewStore(r.st).Active(ctx, now)
}

// Close closes the connection, if one was made.
func (r *Remote) Close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.st != nil {
		r.st.Close()
		r.st = nil
	}
}
