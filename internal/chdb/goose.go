package chdb

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// GooseSections splits a migration into its Up and Down statements as goose
// does for files without StatementBegin: a statement ends with a line that
// ends in a semicolon; comment lines are left out.
func GooseSections(sql string) (up, down []string) {
	var cur *[]string
	var stmt strings.Builder
	for line := range strings.Lines(sql) {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "-- +goose Up"):
			cur = &up
		case strings.HasPrefix(trimmed, "-- +goose Down"):
			cur = &down
		case cur == nil, trimmed == "", strings.HasPrefix(trimmed, "--"):
		default:
			stmt.WriteString(line)
			if strings.HasSuffix(trimmed, ";") {
				*cur = append(*cur, strings.TrimSuffix(strings.TrimSpace(stmt.String()), ";"))
				stmt.Reset()
			}
		}
	}
	return up, down
}

// Migrate runs every migration in fsys (*.sql, in name order), statement
// by statement: each one's Up, or with down each one's Down from the last.
func (s *Session) Migrate(fsys fs.FS, down bool) error {
	files, err := fs.Glob(fsys, "*.sql")
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no migrations (%v)", err)
	}
	if down {
		slices.Reverse(files)
	}
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return err
		}
		stmts, downs := GooseSections(string(src))
		if len(stmts) == 0 {
			return fmt.Errorf("%s: no Up statements", f)
		}
		if down {
			stmts = downs
		}
		for _, st := range stmts {
			if _, err := s.Exec(st); err != nil {
				return fmt.Errorf("%s (down=%t): %w\n%s", f, down, err, st)
			}
		}
	}
	return nil
}

// CreateSchema creates database db, makes it the session's, and runs every
// Up of fsys in it.
func (s *Session) CreateSchema(db string, fsys fs.FS) error {
	for _, stmt := range []string{"CREATE DATABASE " + db, "USE " + db} {
		if _, err := s.Exec(stmt); err != nil {
			return err
		}
	}
	return s.Migrate(fsys, false)
}
