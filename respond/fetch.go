package respond

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// maxBatch bounds the alerts answered (and committed) together.
const maxBatch = 100

// readAhead fetches alerts in the background, so that those already
// fetched can be answered together; it stops when ctx ends or a fetch
// fails (the error is sent on errs).
func readAhead(ctx context.Context, f Fetcher) (<-chan kafka.Message, <-chan error) {
	msgs, errs := make(chan kafka.Message, maxBatch), make(chan error, 1)
	go func() {
		for {
			m, err := f.FetchMessage(ctx)
			if err != nil {
				errs <- err
				return
			}
			select {
			case msgs <- m:
			case <-ctx.Done():
				return // not committed: read again after a restart
			}
		}
	}()
	return msgs, errs
}

// nextBatch waits for an alert, then takes those already fetched, never
// waiting for more.
func nextBatch(ctx context.Context, msgs <-chan kafka.Message, errs <-chan error) ([]kafka.Message, error) {
	var first kafka.Message
	select {
	case first = <-msgs:
	case err := <-errs:
		return nil, err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	out := []kafka.Message{first}
	for len(out) < maxBatch {
		select {
		case m := <-msgs:
			out = append(out, m)
		default:
			return out, nil
		}
	}
	return out, nil
}
