package bench

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/rules"
)

// detectResult is one detection pass over the generated events.
type detectResult struct {
	name           string
	events         int
	elapsed        time.Duration
	decode, engine time.Duration // of elapsed (one engine): decoding, and the engine's Process
	alerts         int
}

func (r detectResult) rate() float64 { return float64(r.events) / r.elapsed.Seconds() }

// detector is what every engine of the run shares, loaded once outside the
// timings, as the live service shares one rule set across its engines.
type detector struct {
	rules    *detect.RuleSet
	redactor *redact.Redactor
}

func newDetector(ctx context.Context) (detector, error) {
	rs, err := detect.LoadRules(ctx, rules.FS)
	if err != nil {
		return detector{}, err
	}
	red, err := redact.New([]byte(redactionKey))
	return detector{rules: rs, redactor: red}, err
}

// runDetect decodes the first n contract-JSON events and judges them with
// every embedded rule on one goroutine (one partition's engine), as the live
// detector does after its fetch. With wire, each chunk is first decoded and
// written in the wire form outside the timings (ingest's work with
// --publish-topic), and the timed decode reads the wire form.
func (d detector) runDetect(ctx context.Context, name string, events [][]byte, n int, cfg detect.Config, wire bool) (detectResult, error) {
	r := detectResult{name: name, events: min(n, len(events))}
	dec := decode.New(d.redactor, time.Now, decode.DefaultLimits())
	e := detect.NewEngine(d.rules, cfg)
	chunk := make([]event.Event, 0, 4096)
	var wired [][]byte
	var elapsed time.Duration
	for from := 0; from < r.events; from += cap(chunk) {
		msgs := events[from:min(from+cap(chunk), r.events)]
		if wire {
			var err error
			if msgs, err = wireForm(dec, msgs, wired[:0]); err != nil {
				return r, err
			}
			wired = msgs
		}
		t0 := time.Now()
		var err error
		if chunk, err = decodeChunk(dec, msgs, chunk[:0], wire); err != nil {
			return r, err
		}
		t1 := time.Now()
		for i := range chunk {
			if _, err := e.Process(ctx, &chunk[i]); err != nil {
				return r, fmt.Errorf("%s: %w", name, err)
			}
		}
		r.decode, r.engine = r.decode+t1.Sub(t0), r.engine+time.Since(t1)
		elapsed += time.Since(t0)
	}
	r.elapsed = elapsed
	r.alerts = len(e.Alerts())
	return r, nil
}

// wireForm decodes msgs and appends each event's wire form to out.
func wireForm(dec *decode.Decoder, msgs, out [][]byte) ([][]byte, error) {
	for _, raw := range msgs {
		ev, err := dec.Decode(raw)
		if err != nil {
			return nil, err
		}
		out = append(out, event.AppendWire(nil, &ev))
	}
	return out, nil
}

// decodeChunk decodes msgs (contract JSON, or the wire form) into out.
func decodeChunk(dec *decode.Decoder, msgs [][]byte, out []event.Event, wire bool) ([]event.Event, error) {
	for _, raw := range msgs {
		var ev event.Event
		var err error
		if wire {
			err = event.DecodeWire(raw, &ev)
		} else {
			ev, err = dec.Decode(raw)
		}
		if err != nil {
			return out, err
		}
		out = append(out, ev)
	}
	return out, nil
}

// runDetectSharded is runDetect over shards engines in parallel, each
// judging the events whose partition key hashes to it — what the live detector
// does with one engine per partition.
func (d detector) runDetectSharded(ctx context.Context, events [][]byte, keys [][]byte, shards int) (detectResult, error) {
	parts := make([][][]byte, shards)
	partitioner := live.NewPartitioner(shards)
	for i, raw := range events {
		s := partitioner.Of(string(keys[i]))
		parts[s] = append(parts[s], raw)
	}
	r := detectResult{name: fmt.Sprintf("detect: %d engines in parallel (by partition key)", shards), events: len(events)}
	results := make([]detectResult, shards)
	errs := make([]error, shards)
	var wg sync.WaitGroup
	start := time.Now()
	cfg := detect.Config{Baseline: detect.BaselineConfig{Networks: detect.NewNetworks()}} // shared, as live shares it
	for s := range parts {
		wg.Go(func() { results[s], errs[s] = d.runDetect(ctx, "", parts[s], len(parts[s]), cfg, false) })
	}
	wg.Wait()
	r.elapsed = time.Since(start)
	for s := range results {
		r.alerts += results[s].alerts
		if errs[s] != nil {
			return r, errs[s]
		}
	}
	return r, nil
}

// measureDetect runs detection with the decision caches (the design), on
// the events topic and on ingest's published wire events, and without the
// caches (every rule in Rego for every event: the baseline, over fewer
// events as it is slow), and sharded like live.
func measureDetect(ctx context.Context, events, keys [][]byte) ([]detectResult, error) {
	d, err := newDetector(ctx)
	if err != nil {
		return nil, err
	}
	cached, err := d.runDetect(ctx, "detect: decode + all rules + baselines, 1 engine", events, len(events), detect.Config{}, false)
	if err != nil {
		return nil, err
	}
	plain, err := d.runDetect(ctx, "detect without decision cache, 1 engine", events, min(len(events), 100_000),
		detect.Config{NoDecisionCache: true}, false)
	if err != nil {
		return nil, err
	}
	sharded, err := d.runDetectSharded(ctx, events, keys, runtime.NumCPU())
	if err != nil {
		return nil, err
	}
	wired, err := d.runDetect(ctx, "detect: ingest's published events (read wire form) + all rules + baselines, 1 engine",
		events, len(events), detect.Config{}, true)
	return []detectResult{cached, plain, sharded, wired}, err
}
