package ingest

import (
	"context"
	"errors"
	"sync"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/store"
)

// BatchConsumer is the stage after the batcher.
type BatchConsumer interface {
	ConsumeBatch(ctx context.Context, b *Batch) error
}

// decodeBatch decodes msgs with one decoder per worker, keeping order.
func decodeBatch(decoders []*decode.Decoder, msgs []kafka.Message) *Batch {
	type result struct {
		rec store.Record
		rej *decode.Error
	}
	results := make([]result, len(msgs))
	var wg sync.WaitGroup
	chunk := (len(msgs) + len(decoders) - 1) / len(decoders)
	for w, d := range decoders {
		lo, hi := w*chunk, min((w+1)*chunk, len(msgs))
		if lo >= hi {
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				m := &msgs[i]
				ev, err := d.Decode(m.Value)
				if err != nil {
					var de *decode.Error
					if !errors.As(err, &de) {
						de = &decode.Error{Reason: "internal", Detail: err.Error()}
					}
					results[i].rej = de
					continue
				}
				results[i].rec = store.Record{Event: ev, Origin: store.Origin{Topic: m.Topic, Partition: int32(m.Partition), Offset: m.Offset}}
			}
		}()
	}
	wg.Wait()
	b := &Batch{Records: make([]store.Record, 0, len(msgs)), Last: lastPerPartition(msgs)}
	for i, r := range results {
		if r.rej != nil {
			m := msgs[i]
			m.Value = decoders[0].Scrub(m.Value)
			m.Key = decoders[0].Scrub(m.Key)
			b.Rejects = append(b.Rejects, Reject{Msg: m, Err: r.rej})
			continue
		}
		b.Records = append(b.Records, r.rec)
	}
	return b
}
