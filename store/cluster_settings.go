package store

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// clusterSettings are the query settings every connection uses in cluster
// mode:
//   - insert_distributed_sync: an INSERT into a Distributed table returns only
//     once every shard stored its rows, so Kafka offsets are committed after
//     the data is on the shards (not in a node's local send queue);
//   - distributed_product_mode=global: IN and JOIN subqueries over Distributed
//     tables run once and are shipped to the shards (18.16 refuses them);
//   - load_balancing=in_order: reads and writes go to each shard's first
//     healthy replica, so a process reads what it just wrote.
//
// The HTTP inserter sends them all as URL parameters. The native protocol
// before revision 54429 (ClickHouse 19.11) carries only integer settings:
// there the string ones must come from the user's profile (README, "Running
// on a ClickHouse cluster"), and Open warns when they do not.
var clusterSettings = map[string]string{
	"insert_distributed_sync":  "1",
	"distributed_product_mode": "global",
	"load_balancing":           "in_order",
}

// nativeStringSettings is the revision from which the native protocol sends
// settings as strings.
const nativeStringSettings = 54429

// applyCluster checks the names and sets the integer cluster setting on the
// native connection's options.
func applyCluster(opts *clickhouse.Options, cluster string) error {
	if err := checkClusterNames(cluster, opts.Auth.Database); err != nil {
		return err
	}
	if opts.Settings == nil {
		opts.Settings = clickhouse.Settings{}
	}
	opts.Settings["insert_distributed_sync"] = 1
	return nil
}

// clusterConn returns the native connection with every cluster setting: it
// reconnects with the string settings when the server takes them, and
// otherwise warns about those the profile does not set.
func clusterConn(ctx context.Context, conn driver.Conn, opts *clickhouse.Options, revision uint64, log *slog.Logger) (driver.Conn, error) {
	if revision >= nativeStringSettings {
		for k, v := range clusterSettings {
			if k != "insert_distributed_sync" {
				opts.Settings[k] = v
			}
		}
		conn.Close()
		c, err := clickhouse.Open(opts)
		if err != nil {
			return nil, fmt.Errorf("clickhouse open with cluster settings: %w", err)
		}
		return c, nil
	}
	if err := warnProfileSettings(ctx, conn, log); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// warnProfileSettings warns about each string cluster setting the user's
// profile does not set as credwatch needs it.
func warnProfileSettings(ctx context.Context, conn driver.Conn, log *slog.Logger) error {
	rows, err := conn.Query(ctx, "SELECT name, value FROM system.settings WHERE name IN ('distributed_product_mode', 'load_balancing')")
	if err != nil {
		return fmt.Errorf("read cluster settings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var name, value string
		if err := rows.Scan(&name, &value); err != nil {
			return fmt.Errorf("read cluster settings: %w", err)
		}
		if value != clusterSettings[name] {
			log.Warn("cluster setting missing from the user's profile (this server takes only integer settings from clients)",
				"setting", name, "value", value, "want", clusterSettings[name])
		}
	}
	return rows.Err()
}

// withSettings adds query settings to the inserter's URLs (the HTTP
// interface takes settings as URL parameters).
func (h *httpInserter) withSettings(settings map[string]string) error {
	for _, target := range []*string{&h.url, &h.native} {
		u, err := url.Parse(*target)
		if err != nil {
			return fmt.Errorf("clickhouse http url: %w", err)
		}
		q := u.Query()
		for k, v := range settings {
			q.Set(k, v)
		}
		u.RawQuery = q.Encode()
		*target = u.String()
	}
	return nil
}
