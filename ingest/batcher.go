package ingest

import (
	"context"
	"errors"
	"sync"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/store"
)

// BatchConsumer is the stage after the batcher. The batch is the
// consumer's only for the call: its records are reused once it returns.
type BatchConsumer interface {
	ConsumeBatch(ctx context.Context, b *Batch) error
}

// decodeBatch decodes msgs with one decoder per worker, each on a contiguous
// chunk, and joins the chunks in order. A message yields any number of
// records (a CloudTrail file many, a skipped entry none) and, when it or one
// of its records is bad, one reject. Each worker decodes into its own window
// of one slice, so that the common batch (one record per message) is joined
// by moving records down, not by copying them to a new slice. all holds
// len(msgs) zero records.
func decodeBatch(decoders []*decode.Decoder, msgs []kafka.Message, all []store.Record) *Batch {
	chunk := (len(msgs) + len(decoders) - 1) / len(decoders)
	parts := make([]Batch, len(decoders))
	var wg sync.WaitGroup
	for w, d := range decoders {
		lo, hi := w*chunk, min((w+1)*chunk, len(msgs))
		if lo >= hi {
			break
		}
		wg.Go(func() { parts[w] = decodeChunk(d, msgs[lo:hi], all[lo:lo:hi]) })
	}
	wg.Wait()
	b := &Batch{Last: lastPerPartition(msgs), Records: all[:0]}
	for _, p := range parts {
		if len(p.Records) > chunk { // a window overflowed: moving down would overwrite the next
			b.Records = make([]store.Record, 0, len(msgs)+len(p.Records))
		}
	}
	for _, p := range parts {
		b.Records = append(b.Records, p.Records...)
		b.Rejects = append(b.Rejects, p.Rejects...)
		b.Skipped += p.Skipped
	}
	if len(b.Records) <= len(all) {
		clear(all[len(b.Records):]) // drop references held by the compacted tail
	}
	return b
}

// decodeChunk decodes msgs in order with one decoder, appending to out.
func decodeChunk(d *decode.Decoder, msgs []kafka.Message, out []store.Record) Batch {
	b := Batch{Records: out}
	for i := range msgs {
		m := &msgs[i]
		evs, err := d.DecodeMessage(m.Value, m.Topic)
		origin := store.Origin{Topic: m.Topic, Partition: int32(m.Partition), Offset: m.Offset, Time: m.Time}
		for j := range evs {
			b.Records = append(b.Records, store.Record{Origin: origin})
			b.Records[len(b.Records)-1].Event = evs[j] // one copy of the event, not three
		}
		if err != nil {
			b.Rejects = append(b.Rejects, reject(d, *m, err))
		} else if len(evs) == 0 {
			b.Skipped++
		}
	}
	return b
}

// reject scrubs a rejected message for the dead-letter topic.
func reject(d *decode.Decoder, m kafka.Message, err error) Reject {
	var de *decode.Error
	if !errors.As(err, &de) {
		de = &decode.Error{Reason: "internal", Detail: err.Error()}
	}
	m.Value = d.Scrub(m.Value)
	m.Key = d.Scrub(m.Key)
	return Reject{Msg: m, Err: de}
}
