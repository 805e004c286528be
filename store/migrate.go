package store

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"testing/fstest"
	"text/template"

	"github.com/pressly/goose/v3"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// MigrateOptions tune the schema.
type MigrateOptions struct {
	RetentionDays int // 0 keeps history forever; needs TTL (ClickHouse 19.6+)
}

// templateData is what migration templates see.
type templateData struct {
	Features
	RetentionDays int
	ddl           ddl // the table functions: one server or a cluster
}

// Migrate applies pending migrations and returns the versions applied.
func (s *Store) Migrate(ctx context.Context, o MigrateOptions) ([]int64, error) {
	if o.RetentionDays > 0 && !s.features.TTL {
		s.log.Warn("retention not enforced: this ClickHouse has no table TTL (needs 19.6+)", "retention_days", o.RetentionDays)
	}
	data := templateData{Features: s.features, RetentionDays: o.RetentionDays, ddl: ddl{cluster: s.cluster, db: s.Database()}}
	fsys, err := renderMigrations(data)
	if err != nil {
		return nil, err
	}
	if err := s.prepareCluster(ctx); err != nil {
		return nil, err
	}
	db := s.sqlDB()
	defer db.Close()
	gs, err := newGooseStore(db, data.ddl)
	if err != nil {
		return nil, err
	}
	p, err := goose.NewProvider(goose.DialectCustom, db, fsys, goose.WithStore(gs),
		goose.WithDisableGlobalRegistry(true), goose.WithSlog(s.log))
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return nil, fmt.Errorf("migrate: %w", err)
	}
	applied := make([]int64, 0, len(results))
	for _, r := range results {
		applied = append(applied, r.Source.Version)
	}
	return applied, nil
}

// RenderMigrations is the single-node DDL Migrate runs on a server with
// features f, one goose file per migration: for review, or for tests that
// run it on a server credwatch does not connect to.
func RenderMigrations(f Features, retentionDays int) (fs.FS, error) {
	return renderMigrations(templateData{Features: f, RetentionDays: retentionDays})
}

// renderMigrations executes each embedded migration as a template.
func renderMigrations(data templateData) (fs.FS, error) {
	out := fstest.MapFS{}
	err := fs.WalkDir(migrationFiles, "migrations", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := migrationFiles.ReadFile(path)
		if err != nil {
			return err
		}
		funcs := data.ddl.funcs()
		funcs["lc"] = lowCardinality(data.Features)
		funcs["codec"] = codec(data.Features)
		t, err := template.New(path).Funcs(funcs).Parse(string(src))
		if err != nil {
			return fmt.Errorf("migration %s: %w", path, err)
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, data); err != nil {
			return fmt.Errorf("migration %s: %w", path, err)
		}
		out[d.Name()] = &fstest.MapFile{Data: buf.Bytes()}
		return nil
	})
	return out, err
}

// codec is a column's CODEC clause where the server has codecs (new tables
// only: a table created earlier keeps the server's default, LZ4).
func codec(f Features) func(string) string {
	return func(codecs string) string {
		if f.Codecs {
			return " CODEC(" + codecs + ")"
		}
		return ""
	}
}

// lowCardinality wraps a type in LowCardinality where the server has it.
func lowCardinality(f Features) func(string) string {
	return func(typ string) string {
		if f.LowCardinality {
			return "LowCardinality(" + typ + ")"
		}
		return typ
	}
}
