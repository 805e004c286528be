package bench

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/credwatch/credwatch/store"
)

// narrowView is a materialized view the migrations hang off events to
// fill a narrow table sorted for one question (events_by_token, …).
type narrowView struct{ name, target, query string }

// narrowViews reads the database's views over events. ClickHouse 18.16
// does not cascade views: rows a Kafka engine view writes into events do
// not reach these, so the Kafka engine path gets copies reading its queue.
func narrowViews(ctx context.Context, st *store.Store) ([]narrowView, error) {
	rows, err := st.Conn().Query(ctx, "SELECT name, create_table_query FROM system.tables "+
		"WHERE database = ? AND engine = 'MaterializedView'", st.Database())
	if err != nil {
		return nil, fmt.Errorf("views over events: %w", err)
	}
	defer rows.Close()
	var views []narrowView
	for rows.Next() {
		var name, ddl string
		if err := rows.Scan(&name, &ddl); err != nil {
			return nil, err
		}
		if v, ok := viewOverEvents(st.Database(), name, ddl); ok {
			views = append(views, v)
		}
	}
	return views, rows.Err()
}

// viewOverEvents reads a materialized view's target and SELECT from its
// CREATE statement as system.tables shows it (on one line in 18.16, over
// several in newer servers); ok when it reads db.events.
func viewOverEvents(db, name, ddl string) (narrowView, bool) {
	to := viewTarget.FindStringSubmatch(ddl)
	as := viewSelect.FindStringIndex(ddl)
	if to == nil || as == nil {
		return narrowView{}, false
	}
	query := "SELECT " + ddl[as[1]:]
	if !fromTable(db, "events").MatchString(query) {
		return narrowView{}, false
	}
	return narrowView{name: name, target: to[1], query: query}, true
}

// viewTarget finds a view's TO table; viewSelect the end of "AS SELECT"
// after its column list.
var (
	viewTarget = regexp.MustCompile(`\sTO\s+([^\s(]+)`)
	viewSelect = regexp.MustCompile(`\)\s*AS\s+SELECT\s+`)
)

// fromTable matches "FROM db.table" and nothing longer.
func fromTable(db, table string) *regexp.Regexp {
	return regexp.MustCompile(`FROM ` + regexp.QuoteMeta(db+"."+table) + `\b`)
}

// viewsBeforeQueue creates the Kafka engine's views before its queue
// table: over a Null table of that name, dropped after (a view's source is
// known by name). The Kafka table created next starts with every view, so
// none misses the engine's first read.
func viewsBeforeQueue(ctx context.Context, st *store.Store, views []narrowView, cols string) error {
	db := st.Database()
	all := append([]narrowView{{name: "events_consumer", target: db + ".events", query: "SELECT * FROM " + db + ".events"}}, views...)
	stmts := []string{fmt.Sprintf("CREATE TABLE %s.events_queue (%s) ENGINE = Null", db, cols)}
	for _, v := range all {
		q := fromTable(db, "events").ReplaceAllLiteralString(v.query, "FROM "+db+".events_queue")
		stmts = append(stmts, fmt.Sprintf("CREATE MATERIALIZED VIEW %s.%s_kafka TO %s AS %s", db, v.name, v.target, q))
	}
	for _, stmt := range append(stmts, "DROP TABLE "+db+".events_queue") {
		if err := st.Conn().Exec(ctx, stmt); err != nil {
			return fmt.Errorf("kafka engine views: %w", err)
		}
	}
	return nil
}

// checkViews fails unless each view's table holds what its query over
// events yields: the Kafka engine filled every table credwatch fills.
func checkViews(ctx context.Context, st *store.Store, views []narrowView) error {
	var short []string
	for _, v := range views {
		var got, want uint64
		if err := st.Conn().QueryRow(ctx, "SELECT count() FROM "+v.target).Scan(&got); err != nil {
			return err
		}
		if err := st.Conn().QueryRow(ctx, "SELECT count() FROM ("+v.query+")").Scan(&want); err != nil {
			return err
		}
		if got != want {
			short = append(short, fmt.Sprintf("%s holds %d rows, events imply %d", v.target, got, want))
		}
	}
	if short != nil {
		return fmt.Errorf("kafka engine: %s (a view attached after the engine's first read; run again)", strings.Join(short, "; "))
	}
	return nil
}

// dropViews drops the Kafka engine's views and its queue table.
func dropViews(ctx context.Context, st *store.Store, views []narrowView) {
	db := st.Database()
	for _, v := range append(views, narrowView{name: "events_consumer"}) {
		_ = st.Conn().Exec(ctx, "DROP TABLE IF EXISTS "+db+"."+v.name+"_kafka")
	}
	_ = st.Conn().Exec(ctx, "DROP TABLE IF EXISTS "+db+".events_queue")
}
