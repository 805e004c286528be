package bench

import (
	"cmp"
	"fmt"
	"io"
	"runtime"
	"sort"
	"text/tabwriter"
	"time"
)

// printTable writes the results and the ratios.
func printTable(out io.Writer, rs []result, cfg Config, d *dataset) {
	runs := 1
	if len(rs) > 0 {
		runs = rs[0].runs
	}
	fmt.Fprintf(out, "\n%d events (%.0f MB of contract JSON), %d partitions, %d CPUs, %s, server compression %s; median of %d run(s)\n\n",
		cfg.Events, float64(d.bytes)/1e6, cfg.Partitions, runtime.NumCPU(), runtime.Version(), cmp.Or(cfg.Compression, "lz4"), runs)
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tpath\trows/s\twall s\tstored\tdistinct ids\tprocess CPU s\tserver CPU s\tCPU µs/ev\tstored B/ev\tall tables B/ev\tparts written\tmerges\tpeak RSS MB")
	for i, r := range rs {
		rss := "-"
		if r.peakRSS > 0 {
			rss = fmt.Sprintf("%.0f", float64(r.peakRSS)/1e6)
		}
		proc := "-"
		if r.procCPU > 0 {
			proc = fmt.Sprintf("%.1f", r.procCPU.Seconds())
		}
		fmt.Fprintf(tw, "%d\t%s\t%.0f\t%.1f\t%d\t%d\t%s\t%.1f\t%.1f\t%.0f\t%.0f\t%d\t%d\t%s\n", i+1, r.name, r.rate(),
			r.elapsed.Seconds(), r.stored, r.distinct, proc, r.serverCPU.Seconds(),
			float64(r.cpuPerEvent().Nanoseconds())/1e3, float64(r.bytes)/float64(max(r.stored, 1)),
			float64(r.allBytes)/float64(max(r.stored, 1)), r.written, r.merges, rss)
	}
	tw.Flush()
	fmt.Fprintln(out, "server CPU: from the start of a run until no merge of its database ran for 2 s (its merges included)")
	if len(rs) >= 1 {
		fmt.Fprintf(out, "\n(1) CPU µs/ev = %.1f   (goal ≤ 20)\n", rs[0].cpuPerEvent().Seconds()*1e6)
	}
	if len(rs) >= 3 {
		fmt.Fprintf(out, "(1)/(2) = %.2f   (goal ≥ 1.0)\n(1)/(3) = %.2f   (goal ≥ 2.5)\n",
			rs[0].rate()/rs[1].rate(), rs[0].rate()/rs[2].rate())
	}
	if len(rs) == 4 {
		fmt.Fprintf(out, "(4)/(1) = %.2f   (what publishing for detection costs ingest)\n", rs[3].rate()/rs[0].rate())
	}
	for i, r := range rs {
		if uint64(r.produced) != r.distinct || r.stored != r.distinct {
			fmt.Fprintf(out, "row %d: stored %d rows, %d distinct, of %d produced\n", i+1, r.stored, r.distinct, r.produced)
		}
	}
}

// medians picks, for each path, the run with the median rows/s.
func medians(runs [][]result) []result {
	out := make([]result, len(runs[0]))
	for i := range out {
		col := make([]result, len(runs))
		for r := range runs {
			col[r] = runs[r][i]
		}
		sort.Slice(col, func(a, b int) bool { return col[a].rate() < col[b].rate() })
		out[i] = col[len(col)/2]
		out[i].runs = len(col)
	}
	return out
}

// summary is one run's rows/s, for the log of every run.
func summary(rs []result) string {
	s := ""
	for i, r := range rs {
		s += fmt.Sprintf("(%d) %.0f rows/s  ", i+1, r.rate())
	}
	return s
}

// printDetect writes the detection rows and their ratio to the ingest rate
// measured in the same run: ingest (1), and for detection reading ingest's
// published events, ingest with --publish-topic (4), which pays for them.
func printDetect(out io.Writer, ds []detectResult, ingest, publishing result) {
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "detection\tevents\tevents/s\twall s\tdecode µs/ev\tengine µs/ev\talerts\t× ingest")
	for i, d := range ds {
		base, label := ingest, "(1)"
		if i == 3 {
			base, label = publishing, "(4)"
		}
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%.1f\t%s\t%s\t%d\t%.2f %s\n", d.name, d.events, d.rate(), d.elapsed.Seconds(),
			perEvent(d.decode, d.events), perEvent(d.engine, d.events), d.alerts, d.rate()/base.rate(), label)
	}
	tw.Flush()
	if len(ds) == 4 {
		fmt.Fprintf(out, "decision cache speed-up: %.1f×   detection / ingest (goal ≥ 1.0 with 1 engine): %.2f decoding the events topic, "+
			"%.2f reading ingest's published events, %.2f sharded like live\n",
			ds[0].rate()/ds[1].rate(), ds[0].rate()/ingest.rate(), ds[3].rate()/publishing.rate(), ds[2].rate()/ingest.rate())
	}
}

// perEvent is d per event in µs, "-" when not measured (sharded rows).
func perEvent(d time.Duration, events int) string {
	if d == 0 || events == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", float64(d.Microseconds())/float64(events))
}

// printState writes what the baselines hold per credential.
func printState(out io.Writer, s stateResult) {
	fmt.Fprintf(out, "baseline state: %.0f B per credential at %d credentials (live heap after GC / credentials; goal ≤ 512); "+
		"%d left after the forget horizon\n", s.perCredential(), s.credentials, s.forgotten)
}
