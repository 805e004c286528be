package bench

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/store"
)

// Topics the benchmark produces: contract v1 events for credwatch, and the
// same events as flat table rows for the Kafka engine.
const (
	topicEvents = "bench.events"
	topicFlat   = "bench.flat"
)

// Config says what to measure.
type Config struct {
	Events     int    // how many generated events
	Binary     string // the credwatch binary
	Dir        string // scratch directory
	Partitions int32
	Consumers  int  // Kafka engine consumers
	BatchSize  int  // credwatch --batch-size
	Repeat     int  // runs per path; the median by rows/s is reported
	NoDetect   bool // the ingest table only: skip the detection and baseline figures
	// Compression is the server's part compression, "zstd" or "lz4" (its
	// default): a server-wide setting, the 18.16 stand-in for the ZSTD
	// column codecs migrations declare on 20.1+.
	Compression string
	// Profile, when set, is where the first run of rows 1 and 4 write a CPU
	// profile of the ingest process (Profile+".row1.pprof", ".row4.pprof").
	Profile string
}

// ingest is how run rep of a credwatch row runs `credwatch ingest`.
func (cfg Config) ingest(publish string, rep int, row string) ingestOptions {
	o := ingestOptions{binary: cfg.Binary, batchSize: cfg.BatchSize, publish: publish}
	if cfg.Profile != "" && rep == 0 {
		o.profile = cfg.Profile + "." + row + ".pprof"
	}
	return o
}

// Run measures the three ingest paths and writes the table to out.
func Run(ctx context.Context, cfg Config, out io.Writer, log *slog.Logger) error {
	started := time.Now()
	fmt.Fprintf(out, "generating %d events (seed 42)...\n", cfg.Events)
	d, err := prepare(cfg.Events, cfg.Dir)
	if err != nil {
		return err
	}
	var detection []detectResult
	var state stateResult
	if !cfg.NoDetect {
		fmt.Fprintf(out, "detecting over the same events...\n")
		if detection, err = measureDetect(ctx, d.events, d.keys); err != nil {
			return err
		}
		state = measureState(1_000_000)
	}
	broker, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(cfg.Partitions, topicEvents, topicFlat))
	if err != nil {
		return err
	}
	defer broker.Close()
	brokers := broker.ListenAddrs()
	fmt.Fprintf(out, "producing to the in-process broker %s...\n", brokers[0])
	if err := produceAll(ctx, brokers, topicEvents, d.keys, d.events); err != nil {
		return err
	}
	if err := produceAll(ctx, brokers, topicFlat, nil, d.flat); err != nil {
		return err
	}
	d.release() // the broker in this process serves the topics: keep its heap small
	runtime.GC()
	ch, err := chserver.Start(ctx, chserver.Config{Dir: filepath.Join(cfg.Dir, "clickhouse"),
		Overrides: KafkaEngineOverrides + PartLog + compression(cfg.Compression)})
	if err != nil {
		return err
	}
	defer ch.Stop()
	var runs [][]result
	for rep := range max(cfg.Repeat, 1) {
		results, err := measureAll(ctx, cfg, ch, brokers, d, rep, log)
		if err != nil {
			printTable(out, results, cfg, d)
			return err
		}
		fmt.Fprintf(out, "run %d: %s\n", rep+1, summary(results))
		runs = append(runs, results)
	}
	results := medians(runs)
	printTable(out, results, cfg, d)
	if !cfg.NoDetect {
		printDetect(out, detection, results[0], results[3])
		printState(out, state)
	}
	fmt.Fprintf(out, "benchmark wall time %s\n", time.Since(started).Round(time.Second))
	return nil
}

// measureAll runs each path against its own identical database.
func measureAll(ctx context.Context, cfg Config, ch *chserver.Server, brokers []string, d *dataset, rep int, log *slog.Logger) ([]result, error) {
	open := func(db string) (*store.Store, error) {
		st, err := store.Open(ctx, ch.DSN(db), log)
		if err != nil {
			return nil, err
		}
		_, err = st.Migrate(ctx, store.MigrateOptions{})
		return st, err
	}
	type path struct {
		db  string
		run func(*store.Store) (result, error)
	}
	paths := []path{
		{"bench_credwatch", func(st *store.Store) (result, error) {
			return runCredwatch(ctx, cfg.ingest("", rep, "row1"), ch, st, brokers, cfg.Events, rep)
		}},
		{"bench_jsoneachrow", func(st *store.Store) (result, error) { return runJSONEachRow(ctx, ch, st, d, cfg.Events) }},
		{"bench_kafka_engine", func(st *store.Store) (result, error) {
			return runKafkaEngine(ctx, ch, st, brokers, cfg.Events, cfg.Consumers, rep)
		}},
		{"bench_credwatch_publish", func(st *store.Store) (result, error) {
			return runCredwatch(ctx, cfg.ingest(fmt.Sprintf("%s.decoded%d", topicEvents, rep), rep, "row4"), ch, st, brokers, cfg.Events, rep)
		}},
	}
	var results []result
	for _, p := range paths {
		st, err := open(fmt.Sprintf("%s_%d", p.db, rep))
		if err != nil {
			return results, err
		}
		r, err := p.run(st)
		if err == nil {
			r.bytes, r.allBytes, r.written, r.merges, err = storage(ctx, st.Conn(), st.Database())
		}
		st.Close()
		results = append(results, r)
		if err != nil {
			return results, fmt.Errorf("%s: %w", r.name, err)
		}
	}
	return results, nil
}

// ScratchDir makes a scratch directory under dir (or the system temp dir).
func ScratchDir(dir string) (string, error) {
	if dir != "" {
		return dir, os.MkdirAll(dir, fs.ModePerm)
	}
	return os.MkdirTemp("", "credwatch-bench-")
}
