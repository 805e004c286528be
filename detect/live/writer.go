package live

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"sync"

	"github.com/credwatch/credwatch/detect"
)

// AlertWriter receives the alert updates of a batch. The detector commits a
// batch's offsets only after Write returned nil, and retries Write with
// backoff on error, so an update may be written more than once (after a
// failed attempt or a restart): writers must be idempotent on (alert id,
// revision). Write is called from one goroutine per partition at once, so
// implementations must be safe for concurrent use.
type AlertWriter interface {
	Write(ctx context.Context, updates []detect.Update) error
}

// JSONLinesWriter writes each update as one JSON line: the alert (the same
// object the offline backtest prints) plus "update" (its kind) and
// "publish" (whether it goes to response).
type JSONLinesWriter struct {
	mu sync.Mutex
	w  io.Writer
}

var _ AlertWriter = (*JSONLinesWriter)(nil)

// NewJSONLinesWriter writes to w.
func NewJSONLinesWriter(w io.Writer) *JSONLinesWriter { return &JSONLinesWriter{w: w} }

// alertLine is one line of JSONLinesWriter.
type alertLine struct {
	Update  string `json:"update"`
	Publish bool   `json:"publish"`
	*detect.Alert
}

// Write encodes updates and writes them in one call, so lines of concurrent
// batches never interleave.
func (j *JSONLinesWriter) Write(_ context.Context, updates []detect.Update) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, u := range updates {
		if err := enc.Encode(alertLine{Update: u.Kind, Publish: u.Publish(), Alert: u.Alert}); err != nil {
			return err
		}
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	_, err := j.w.Write(buf.Bytes())
	return err
}

// OpenAlertsOut opens where --alerts-out points: "-" is stdout (closing it
// does nothing), anything else a file appended to (created when missing).
func OpenAlertsOut(path string) (io.WriteCloser, error) {
	if path == "-" {
		return nopCloser{os.Stdout}, nil
	}
	return os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o640)
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
