package allinone

import (
	"context"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/observe"
)

// statusEvery is how often the status line refreshes.
const statusEvery = time.Second

// statusLine keeps one refreshed line of counts on a terminal.
type statusLine struct {
	w      io.Writer
	reg    prometheus.Gatherer
	health *health.Registry
	gen    *generated
	clock  clock.Clock
	start  time.Time
	plain  bool          // not a terminal: a plain line every plainEvery
	attack *atomic.Int64 // attacks played (nil: none)
}

// plainEvery is how often a plain (non-terminal) status line is printed.
const plainEvery = 5 * time.Second

func newStatusLine(w io.Writer, reg prometheus.Gatherer, h *health.Registry, g *generated, clk clock.Clock) *statusLine {
	return &statusLine{w: w, reg: reg, health: h, gen: g, clock: clk, start: clk.Now()}
}

// run refreshes the line every statusEvery until ctx ends.
func (s *statusLine) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.clock.After(s.every()):
			switch {
			case s.w == nil:
			case s.plain:
				fmt.Fprintln(s.w, s.text(s.clock.Now()))
			default:
				fmt.Fprintf(s.w, "\r\033[K%s", s.text(s.clock.Now()))
			}
		}
	}
}

func (s *statusLine) every() time.Duration {
	if s.plain {
		return plainEvery
	}
	return statusEvery
}

// text is the status: counts, lag, alerts, responses and health.
func (s *statusLine) text(now time.Time) string {
	state := "ok"
	if !s.health.Healthy() {
		state = "DEGRADED"
	}
	t := observe.Totals(s.reg, "credwatch_ingest_events_stored_total",
		"credwatch_ingest_events_rejected_total", "credwatch_ingest_consumer_lag_messages",
		"credwatch_respond_decisions_total", "credwatch_receiver_revocations_total")
	attacks := int64(0)
	if s.attack != nil {
		attacks = s.attack.Load()
	}
	return fmt.Sprintf("%s  generated %d · stored %.0f · rejected %.0f · lag %.0f · attacks %d · alerts %.0f · decisions %.0f · revoked %.0f · %s",
		now.Sub(s.start).Round(time.Second), s.gen.n.Load(), t[0], t[1], t[2], attacks, newAlerts(s.reg), t[3], t[4], state)
}

// newAlerts counts the alerts the live detector opened (updates of kind
// new), from a second gather: observe.Totals does not filter by label.
func newAlerts(g prometheus.Gatherer) float64 {
	families, err := g.Gather()
	if err != nil {
		return 0
	}
	var n float64
	for _, f := range families {
		if f.GetName() != "credwatch_detect_alerts_total" {
			continue
		}
		for _, m := range f.GetMetric() {
			for _, l := range m.GetLabel() {
				if l.GetName() == "kind" && l.GetValue() == "new" {
					n += m.GetCounter().GetValue()
				}
			}
		}
	}
	return n
}

// final ends the status line after shutdown.
func (s *statusLine) final() {
	if s.w != nil && s.plain {
		fmt.Fprintf(s.w, "%s\nstopped cleanly.\n", s.text(s.clock.Now()))
	} else if s.w != nil {
		fmt.Fprintf(s.w, "\r\033[K%s\nstopped cleanly.\n", s.text(s.clock.Now()))
	}
}
