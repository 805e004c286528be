package main

import (
	"context"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/observe"
)

// observability is what a long-running command reports to.
type observability struct {
	clock   clock.Clock
	health  *health.Registry
	metrics *prometheus.Registry
}

// startObservability builds the wall clock, health and metrics registries,
// and serves /metrics, /healthz and /readyz on addr until ctx ends (not
// at all when addr is empty).
func startObservability(ctx context.Context, addr string, log *slog.Logger) (observability, error) {
	clk := clock.Real{}
	o := observability{clock: clk, health: health.New(clk.Now), metrics: observe.NewRegistry()}
	if addr == "" {
		return o, nil
	}
	bound, err := observe.Serve(ctx, addr, o.metrics, o.health, log)
	if err != nil {
		return o, err
	}
	log.Info("serving metrics", "url", "http://"+bound+"/metrics", "health", "http://"+bound+"/healthz")
	return o, nil
}
