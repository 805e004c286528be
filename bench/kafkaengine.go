package bench

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/store"
)

// KafkaEngineOverrides makes the Kafka engine read a topic from its start.
const KafkaEngineOverrides = "<kafka><auto_offset_reset>smallest</auto_offset_reset></kafka>"

// PartLog keeps the server's part log (system.part_log): which parts each
// path's inserts wrote and how many merges they caused.
const PartLog = "<part_log><database>system</database><table>part_log</table>" +
	"<flush_interval_milliseconds>500</flush_interval_milliseconds></part_log>"

// compression is the server config that compresses every part with method
// (empty for lz4, the server's default).
func compression(method string) string {
	if method == "" || method == "lz4" {
		return ""
	}
	return "<compression><case><min_part_size>0</min_part_size><min_part_size_ratio>0</min_part_size_ratio>" +
		"<method>" + method + "</method></case></compression>"
}

// runKafkaEngine is row 3: ClickHouse's Kafka table engine and
// materialized views into identical tables, same broker: one into events,
// and a copy of each view that fills a narrow table from events.
func runKafkaEngine(ctx context.Context, ch *chserver.Server, st *store.Store, brokers []string, n, consumers, rep int) (result, error) {
	cols, err := columnsDDL(ctx, st)
	if err != nil {
		return result{}, err
	}
	views, err := narrowViews(ctx, st)
	if err != nil {
		return result{}, err
	}
	db := st.Database()
	defer dropViews(ctx, st, views)
	if err := viewsBeforeQueue(ctx, st, views, cols); err != nil {
		return result{}, err
	}
	cpu0 := cpuTime(ch.Pid())
	start := time.Now()
	queue := fmt.Sprintf(`CREATE TABLE %s.events_queue (%s) ENGINE = Kafka SETTINGS
		kafka_broker_list = '%s', kafka_topic_list = '%s', kafka_group_name = 'chbench%d',
		kafka_format = 'JSONEachRow', kafka_num_consumers = %d`, db, cols, brokers[0], topicFlat, rep, consumers)
	if err := st.Conn().Exec(ctx, queue); err != nil {
		return result{}, fmt.Errorf("kafka engine table: %w", err)
	}
	end, err := waitRows(ctx, st.Conn(), "events", uint64(n), start)
	dropViews(ctx, st, views) // the engine stops reading
	if err == nil {
		err = settle(ctx, st.Conn(), db)
	}
	r := result{name: fmt.Sprintf("ClickHouse Kafka engine + materialized views (%d consumer)", consumers),
		produced: n, elapsed: end.Sub(start), serverCPU: cpuTime(ch.Pid()) - cpu0,
		note: "runs inside clickhouse-server: its CPU and memory are the server's"}
	if err != nil {
		return r, err
	}
	r.stored, r.distinct, err = counts(ctx, st.Conn(), "events")
	if err == nil {
		err = checkViews(ctx, st, views)
	}
	return r, err
}

// columnsDDL lists the events table's columns as "name Type, ..." in table
// order (system.columns keeps it; 18.16 has no position column).
func columnsDDL(ctx context.Context, st *store.Store) (string, error) {
	rows, err := st.Conn().Query(ctx, "SELECT name, type FROM system.columns WHERE database = ? AND table = 'events'", st.Database())
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return "", err
		}
		cols = append(cols, "`"+name+"` "+typ)
	}
	return strings.Join(cols, ", "), rows.Err()
}
