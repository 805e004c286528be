package live

import (
	"context"

	"github.com/credwatch/credwatch/detect"
)

// Fanout writes every batch of updates to each writer in order (the durable
// sink first, then a log of JSON lines). A failure stops the batch and is
// returned; the retry repeats the earlier writers, which are idempotent on
// (alert id, revision).
type Fanout []AlertWriter

// Write writes updates to every writer.
func (f Fanout) Write(ctx context.Context, updates []detect.Update) error {
	for _, w := range f {
		if err := w.Write(ctx, updates); err != nil {
			return err
		}
	}
	return nil
}
