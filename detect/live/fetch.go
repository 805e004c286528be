package live

import (
	"context"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/internal/clock"
)

// messageSource is a Kafka reader.
type messageSource interface {
	FetchMessage(ctx context.Context) (kafka.Message, error)
}

// fetcher reads ahead in the background so that batches can be cut by size
// or age while the previous batch is being judged and written.
type fetcher struct {
	msgs chan kafka.Message
	err  error // set before msgs is closed
}

// startFetch reads src until ctx ends or fetching fails, first handing on
// the already fetched messages of head.
func startFetch(ctx context.Context, src messageSource, capacity int, head ...kafka.Message) *fetcher {
	f := &fetcher{msgs: make(chan kafka.Message, capacity)}
	go func() {
		defer close(f.msgs)
		for _, m := range head {
			f.msgs <- m // capacity >= len(head)
		}
		for {
			m, err := src.FetchMessage(ctx)
			if err != nil {
				if ctx.Err() == nil {
					f.err = err
				}
				return
			}
			select {
			case f.msgs <- m:
			case <-ctx.Done():
				return // m is not committed: it is read again after a restart
			}
		}
	}()
	return f
}

// batch waits for a message, then collects more until size messages or
// wait after the first; messages already fetched are taken before the wait
// is looked at. It returns an empty batch once fetching has stopped and
// every fetched message was handed out, with the fetch error if any.
func (f *fetcher) batch(clk clock.Clock, size int, wait time.Duration) ([]kafka.Message, error) {
	m, ok := <-f.msgs
	if !ok {
		return nil, f.err
	}
	out := append(make([]kafka.Message, 0, size), m)
	deadline := clk.After(wait)
	for len(out) < size {
		if m, ok := f.ready(); ok {
			out = append(out, m)
			continue
		}
		select {
		case m, ok := <-f.msgs:
			if !ok {
				return out, nil
			}
			out = append(out, m)
		case <-deadline:
			return out, nil
		}
	}
	return out, nil
}

// ready is a message already fetched, if there is one.
func (f *fetcher) ready() (kafka.Message, bool) {
	select {
	case m, ok := <-f.msgs:
		return m, ok
	default:
		return kafka.Message{}, false
	}
}
