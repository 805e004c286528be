// Package store is credwatch's ClickHouse history: connecting, reading the
// server version to gate newer features, migrations and batch inserts.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Store is a connection to the credwatch database.
type Store struct {
	conn     driver.Conn
	opts     *clickhouse.Options
	features Features
	log      *slog.Logger

	insertMu sync.Mutex
	http     *httpInserter // nil: insert over the native protocol
	cluster  string        // "" on one server
	// native is the events columns' server types when inserts go over HTTP
	// in Native format, nil for RowBinary; nativeKnown once it is read.
	native      []string
	nativeKnown bool
}

// Open connects to the DSN (clickhouse://host:port/database[?http_port=N]
// [&cluster=NAME]), creating the database when missing, and reads the server
// version. Inserts go to the HTTP interface on http_port (default 8123;
// "off" for native). cluster (see WithCluster) is Options.Cluster.
func Open(ctx context.Context, dsn string, log *slog.Logger) (*Store, error) {
	dsn, cluster, err := splitCluster(dsn)
	if err != nil {
		return nil, err
	}
	return OpenWith(ctx, dsn, Options{Cluster: cluster}, log)
}

// OpenWith is Open with the options given apart from the DSN.
func OpenWith(ctx context.Context, dsn string, o Options, log *slog.Logger) (*Store, error) {
	dsn, httpPort, err := splitHTTPPort(dsn)
	if err != nil {
		return nil, err
	}
	opts, err := clickhouse.ParseDSN(dsn)
	if err != nil {
		return nil, fmt.Errorf("clickhouse dsn: %w", err)
	}
	if opts.Auth.Database == "" {
		opts.Auth.Database = "credwatch"
	}
	if opts.DialTimeout == 0 || opts.DialTimeout > 5*time.Second {
		opts.DialTimeout = 5 * time.Second
	}
	if o.Cluster != "" {
		if err := applyCluster(opts, o.Cluster); err != nil {
			return nil, err
		}
	}
	if err := createDatabase(ctx, *opts); err != nil {
		return nil, err
	}
	conn, err := clickhouse.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("clickhouse open: %w", err)
	}
	v, err := conn.ServerVersion()
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("clickhouse server version: %w", err)
	}
	if o.Cluster != "" {
		if conn, err = clusterConn(ctx, conn, opts, v.Revision, log); err != nil {
			return nil, err
		}
	}
	s := &Store{conn: conn, opts: opts, features: FeaturesOf(v.Version), log: log, cluster: o.Cluster}
	if httpPort > 0 {
		host, _, _ := net.SplitHostPort(opts.Addr[0])
		s.http = newHTTPInserter(host, httpPort, opts.Auth.Database, opts.Auth.Username, opts.Auth.Password)
		if o.Cluster != "" {
			if err := s.http.withSettings(clusterSettings); err != nil {
				conn.Close()
				return nil, err
			}
		}
	}
	log.Info("clickhouse connected", "addr", opts.Addr, "database", opts.Auth.Database,
		"version", v.Version.String(), "features", s.features.String(), "cluster", o.Cluster)
	return s, nil
}

func createDatabase(ctx context.Context, opts clickhouse.Options) error {
	db := opts.Auth.Database
	opts.Auth.Database = "default"
	conn, err := clickhouse.Open(&opts)
	if err != nil {
		return fmt.Errorf("clickhouse open: %w", err)
	}
	defer conn.Close()
	if err := conn.Exec(ctx, "CREATE DATABASE IF NOT EXISTS "+quoteIdent(db)); err != nil {
		return fmt.Errorf("create database %s: %w", db, err)
	}
	return nil
}

// quoteIdent quotes a ClickHouse identifier with backticks.
func quoteIdent(s string) string {
	out := []byte{'`'}
	for i := 0; i < len(s); i++ {
		if s[i] == '`' || s[i] == '\\' {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(append(out, '`'))
}

// Cluster is the cluster the database lives on, "" on one server.
func (s *Store) Cluster() string { return s.cluster }

// Conn is the native connection, for queries.
func (s *Store) Conn() driver.Conn { return s.conn }

// Features are the server's gated capabilities.
func (s *Store) Features() Features { return s.features }

// Database is the database name in use.
func (s *Store) Database() string { return s.opts.Auth.Database }

// sqlDB opens a database/sql handle on the same server (for goose).
func (s *Store) sqlDB() *sql.DB { return clickhouse.OpenDB(s.opts) }

// Ping checks the server answers.
func (s *Store) Ping(ctx context.Context) error { return s.conn.Ping(ctx) }

// Close closes the connection.
func (s *Store) Close() error { return s.conn.Close() }
