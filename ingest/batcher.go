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

// decodeBatch decodes msgs with one decoder per worker, keeping order. Each
// event is decoded in place into its record slot; rejected slots are then
// compacted away (copying only when there are rejects).
func decodeBatch(decoders []*decode.Decoder, msgs []kafka.Message) *Batch {
	b := &Batch{Records: make([]store.Record, len(msgs)), Last: lastPerPartition(msgs)}
	rejected := make([]*decode.Error, len(msgs))
	var wg sync.WaitGroup
	chunk := (len(msgs) + len(decoders) - 1) / len(decoders)
	for w, d := range decoders {
		lo, hi := w*chunk, min((w+1)*chunk, len(msgs))
		if lo >= hi {
			break
		}
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				rejected[i] = decodeOne(d, &msgs[i], &b.Records[i])
			}
		})
	}
	wg.Wait()
	kept := b.Records[:0]
	for i := range b.Records {
		if rejected[i] == nil {
			if len(kept) == i {
				kept = kept[:i+1] // already in place
			} else {
				kept = append(kept, b.Records[i])
			}
			continue
		}
		m := msgs[i]
		m.Value = decoders[0].Scrub(m.Value)
		m.Key = decoders[0].Scrub(m.Key)
		b.Rejects = append(b.Rejects, Reject{Msg: m, Err: rejected[i]})
	}
	clear(b.Records[len(kept):]) // drop references held by the compacted tail
	b.Records = kept
	return b
}

// decodeOne decodes m into rec, returning the rejection if any.
func decodeOne(d *decode.Decoder, m *kafka.Message, rec *store.Record) *decode.Error {
	if err := d.DecodeInto(m.Value, &rec.Event); err != nil {
		var de *decode.Error
		if !errors.As(err, &de) {
			de = &decode.Error{Reason: "internal", Detail: err.Error()}
		}
		return de
	}
	rec.Origin = store.Origin{Topic: m.Topic, Partition: int32(m.Partition), Offset: m.Offset}
	return nil
}
