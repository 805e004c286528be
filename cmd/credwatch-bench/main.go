// Command credwatch-bench prints the ingest benchmark table: credwatch ingest
// against ClickHouse's own JSONEachRow ingest and its Kafka table engine, on
// the same machine and the same generated events, the detection figures,
// and the console's query latency over a large history (`make bench`).
package main

import (
	"context"
	"log/slog"
	"os"
	"os/signal"
	"time"

	"github.com/alecthomas/kong"

	"github.com/credwatch/credwatch/bench"
	"github.com/credwatch/credwatch/bench/consolebench"
)

type cli struct {
	Events     int    `default:"1000000" help:"Generated events."`
	Binary     string `default:"bin/credwatch" help:"The credwatch binary to measure."`
	Dir        string `help:"Scratch directory (default: a new temp dir)."`
	Partitions int32  `default:"4" help:"Topic partitions."`
	Consumers  int    `default:"1" help:"Kafka engine consumers (more than one duplicates rows on 18.16)."`
	BatchSize  int    `help:"credwatch ingest --batch-size (default: credwatch's own, batches sized by --batch-bytes)."`
	Repeat     int    `default:"3" help:"Runs per path; the table shows the median."`
	Compress   string `default:"zstd" enum:"zstd,lz4" help:"The ClickHouse server's part compression (server config: 18.16 has no column codecs; newer servers get ZSTD codecs from the migrations)."`
	Only       string `default:"all" enum:"all,ingest,rows,console" help:"Which tables to print: all, ingest (with detection), rows (the ingest table alone), console."`
	Console    int    `default:"10000000" help:"Stored events the console's query figures run over."`
	Requests   int    `default:"200" help:"Requests per console query."`
	Profile    string `help:"Write a CPU profile of the first run of rows 1 and 4's ingest process to PROFILE.row1.pprof and PROFILE.row4.pprof."`
}

func main() {
	var c cli
	kong.Parse(&c, kong.Description("credwatch ingest benchmark"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	dir, err := bench.ScratchDir(c.Dir)
	if err == nil && c.Only != "console" {
		err = bench.Run(ctx, bench.Config{Events: c.Events, Binary: c.Binary, Dir: dir,
			Partitions: c.Partitions, Consumers: c.Consumers, BatchSize: c.BatchSize, Repeat: c.Repeat, Compression: c.Compress, NoDetect: c.Only == "rows", Profile: c.Profile}, os.Stdout, log)
	}
	if err == nil && c.Only != "ingest" && c.Only != "rows" {
		err = consolebench.Run(ctx, consolebench.Config{Dir: dir, Shape: consolebench.DefaultShape(c.Console, time.Now()),
			Requests: c.Requests, Goal: 200 * time.Millisecond}, os.Stdout, log)
	}
	if c.Dir == "" && dir != "" {
		os.RemoveAll(dir)
	}
	if err != nil {
		log.Error("benchmark failed", "err", err)
		os.Exit(1)
	}
}
