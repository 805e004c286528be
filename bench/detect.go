package bench

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/rules"
)

// detectResult is one detection pass over the generated events.
type detectResult struct {
	name    string
	events  int
	elapsed time.Duration
	alerts  int
}

func (r detectResult) rate() float64 { return float64(r.events) / r.elapsed.Seconds() }

// runDetect decodes the first n contract-JSON events and judges them with
// every embedded rule on one goroutine (one partition's engine), as the live
// detector does after its fetch.
func runDetect(ctx context.Context, name string, events [][]byte, n int, cfg detect.Config) (detectResult, error) {
	r := detectResult{name: name, events: min(n, len(events))}
	rs, err := detect.LoadRules(ctx, rules.FS)
	if err != nil {
		return r, err
	}
	red, err := redact.New([]byte("benchmark-redaction-key-0123"))
	if err != nil {
		return r, err
	}
	dec := decode.New(red, time.Now, decode.DefaultLimits())
	e := detect.NewEngine(rs, cfg)
	start := time.Now()
	for _, raw := range events[:r.events] {
		ev, err := dec.Decode(raw)
		if err != nil {
			return r, err
		}
		if _, err := e.Process(ctx, &ev); err != nil {
			return r, fmt.Errorf("%s: %w", name, err)
		}
	}
	r.elapsed = time.Since(start)
	r.alerts = len(e.Alerts())
	return r, nil
}

// runDetectSharded is runDetect over shards engines in parallel, each
// judging the events whose credential hashes to it — what the live detector
// does with one engine per partition.
func runDetectSharded(ctx context.Context, events [][]byte, keys [][]byte, shards int) (detectResult, error) {
	parts := make([][][]byte, shards)
	partitioner := live.NewPartitioner(shards)
	for i, raw := range events {
		s := partitioner.Of(string(keys[i]))
		parts[s] = append(parts[s], raw)
	}
	r := detectResult{name: fmt.Sprintf("detect: %d engines in parallel (by credential)", shards), events: len(events)}
	results := make([]detectResult, shards)
	errs := make([]error, shards)
	var wg sync.WaitGroup
	start := time.Now()
	for s := range parts {
		wg.Go(func() { results[s], errs[s] = runDetect(ctx, "", parts[s], len(parts[s]), detect.Config{}) })
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

// measureDetect runs detection with the decision caches (the design) and
// without (every rule in Rego for every event: the baseline), the latter
// over fewer events as it is slow.
func measureDetect(ctx context.Context, events, keys [][]byte) ([]detectResult, error) {
	cached, err := runDetect(ctx, "detect: decode + all rules + baselines, 1 engine", events, len(events), detect.Config{})
	if err != nil {
		return nil, err
	}
	plain, err := runDetect(ctx, "detect without decision cache, 1 engine", events, min(len(events), 100_000), detect.Config{NoDecisionCache: true})
	if err != nil {
		return nil, err
	}
	sharded, err := runDetectSharded(ctx, events, keys, runtime.NumCPU())
	return []detectResult{cached, plain, sharded}, err
}
