package allinone

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strconv"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/chserver"
)

// defaultBatchTimeout keeps the demo's store latency low at modest rates.
const defaultBatchTimeout = 250 * time.Millisecond

// parts are the embedded servers this run started.
type parts struct {
	broker *kfake.Cluster
	ch     *chserver.Server
}

// startParts starts an embedded broker and ClickHouse where none is given,
// filling o.Brokers and o.ClickHouseDSN.
func startParts(ctx context.Context, o *Options, log *slog.Logger) (*parts, error) {
	p := &parts{}
	if len(o.Brokers) == 0 {
		port, err := chserver.FreePort()
		if err != nil {
			return p, err
		}
		p.broker, err = kfake.NewCluster(kfake.NumBrokers(1), kfake.Ports(port),
			kfake.SeedTopics(4, o.Topic, o.Topic+".dlq", alertsink.DefaultTopic), kfake.AllowAutoTopicCreation())
		if err != nil {
			return p, fmt.Errorf("embedded kafka: %w", err)
		}
		o.Brokers = p.broker.ListenAddrs()
		log.Debug("embedded kafka started", "addr", o.Brokers)
	}
	if o.ClickHouseDSN == "" {
		cctx, cancel := context.WithTimeout(ctx, 90*time.Second)
		defer cancel()
		ch, err := chserver.Start(cctx, chserver.Config{Dir: filepath.Join(o.DataDir, "clickhouse")})
		if errors.Is(err, chserver.ErrNotInstalled) {
			return p, fmt.Errorf("no --clickhouse given and %w (or pass --clickhouse to use a running server)", err)
		}
		if err != nil {
			return p, fmt.Errorf("embedded clickhouse: %w", err)
		}
		p.ch = ch
		o.ClickHouseDSN = ch.DSN("credwatch")
	}
	return p, nil
}

// stop stops what startParts started, ClickHouse last so the ingester's
// final batch can land first (the caller stops the ingester before this).
func (p *parts) stop() {
	if p.broker != nil {
		p.broker.Close()
	}
	if p.ch != nil {
		p.ch.Stop()
	}
}

// describe says where each part runs, for the banner.
func (p *parts) describe(o Options) [][2]string {
	kafka := o.Brokers[0] + " (external)"
	if p.broker != nil {
		kafka = o.Brokers[0] + " (embedded)"
	}
	ch := o.ClickHouseDSN + " (external)"
	if p.ch != nil {
		ch = o.ClickHouseDSN + " (embedded, data in " + p.ch.Config().Dir + ", HTTP " +
			strconv.Itoa(p.ch.Config().HTTPPort) + ")"
	}
	return [][2]string{{"kafka", kafka}, {"clickhouse", ch}}
}
