package bench

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

// redactionKey keys the benchmark's redacted references (prepare and detect).
const redactionKey = "benchmark-redaction-key-0123"

// dataset is the generated events, in both wire forms, kept in memory.
type dataset struct {
	events   [][]byte // contract v1 JSON, what producers send
	keys     [][]byte // the credential, the partitioning key
	flat     [][]byte // JSONEachRow rows of the events table
	flatPath string   // flat rows as a file, for clickhouse-client
	bytes    int64    // total v1 bytes
}

// prepare generates n events with a fixed seed and renders both forms.
func prepare(n int, dir string) (*dataset, error) {
	g, err := gen.New(gen.Config{Seed: 42, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, err
	}
	red, err := redact.New([]byte(redactionKey))
	if err != nil {
		return nil, err
	}
	dec := decode.New(red, time.Now, decode.DefaultLimits()).CarryRemainder().DropOriginal() // as credwatch ingest stores them
	d := &dataset{flatPath: filepath.Join(dir, "events.flat.jsonl")}
	f, err := os.Create(d.flatPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	now := time.Now()
	var ev event.Event
	for i := 0; i < n; i++ {
		g.Next(&ev)
		v1 := gen.AppendJSON(nil, &ev)
		decoded, err := dec.Decode(v1)
		if err != nil {
			return nil, fmt.Errorf("generated event %d does not decode: %w", i, err)
		}
		row, err := flatJSON(&decoded, now)
		if err != nil {
			return nil, err
		}
		d.events = append(d.events, v1)
		d.keys = append(d.keys, []byte(decoded.PartitionKey()))
		d.flat = append(d.flat, row)
		d.bytes += int64(len(v1))
		w.Write(row)
		w.WriteByte('\n')
	}
	return d, w.Flush()
}

// release drops the in-memory copies once they are produced; the flat file
// stays for clickhouse-client.
func (d *dataset) release() { d.events, d.keys, d.flat = nil, nil, nil }
