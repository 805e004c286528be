package live

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/credwatch/credwatch/event"
)

// historyColumns are the events_unique columns the warm start rebuilds
// events from: every contract field a baseline could learn from (not raw,
// attrs or the Kafka origin).
var historyColumns = []string{
	"id", "time_ms", "action", "outcome", "tenant", "actor_id", "actor_type", "actor_tenants",
	"token_id", "token_kind", "token_scopes", "token_owner", "token_tenant", "token_workload", "token_created_at",
	"secret_id", "secret_name", "secret_tenant", "secret_workload",
	"resource_type", "resource_id", "resource_visibility",
	"source_ip", "source_asn", "source_as_org", "source_country", "source_lat", "source_lon",
	"source_has_geo", "source_user_agent", "source_internal",
	"workload_id", "workload_build_id", "workload_phase", "session_id", "request_id",
}

// historyQuery selects events with from <= time < until in event-time order.
// The bounds are integers formatted in, not user input.
func historyQuery(from, until time.Time) string {
	return fmt.Sprintf("SELECT %s FROM events_unique WHERE time >= toDateTime(%d) AND time <= toDateTime(%d)"+
		" AND time_ms >= %d AND time_ms < %d ORDER BY time_ms, id",
		strings.Join(historyColumns, ", "), from.Unix(), until.Unix(), from.UnixMilli(), until.UnixMilli())
}

// streamHistory runs the history query and calls fn with each event in
// event-time order. first is called once the server has answered.
func streamHistory(ctx context.Context, conn driver.Conn, from, until time.Time, first func(), fn func(*event.Event)) error {
	rows, err := conn.Query(ctx, historyQuery(from, until))
	if err != nil {
		return fmt.Errorf("warm start query: %w", err)
	}
	defer rows.Close()
	first()
	for rows.Next() {
		ev, err := scanEvent(rows)
		if err != nil {
			return fmt.Errorf("warm start scan: %w", err)
		}
		fn(ev)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("warm start rows: %w", err)
	}
	return nil
}

// scanEvent rebuilds one event from a history row.
func scanEvent(rows driver.Rows) (*event.Event, error) {
	var ev event.Event
	var ms uint64
	var created time.Time
	var hasGeo, internal uint8
	s := &ev.Source
	err := rows.Scan(&ev.ID, &ms, &ev.Action, &ev.Outcome, &ev.Tenant, &ev.Actor.ID, &ev.Actor.Type, &ev.Actor.Tenants,
		&ev.Token.ID, &ev.Token.Kind, &ev.Token.Scopes, &ev.Token.Owner, &ev.Token.Tenant, &ev.Token.Workload, &created,
		&ev.Secret.ID, &ev.Secret.Name, &ev.Secret.Tenant, &ev.Secret.Workload,
		&ev.Resource.Type, &ev.Resource.ID, &ev.Resource.Visibility,
		&s.IP, &s.ASN, &s.ASOrg, &s.Country, &s.Lat, &s.Lon, &hasGeo, &s.UserAgent, &internal,
		&ev.Workload.ID, &ev.Workload.BuildID, &ev.Workload.Phase, &ev.SessionID, &ev.RequestID)
	if err != nil {
		return nil, err
	}
	ev.Time = time.UnixMilli(int64(ms)).UTC()
	if created.Unix() > 0 {
		ev.Token.CreatedAt = created.UTC()
	}
	s.HasGeo, s.Internal = hasGeo != 0, internal != 0
	if len(ev.Actor.Tenants) == 0 {
		ev.Actor.Tenants = nil
	}
	if len(ev.Token.Scopes) == 0 {
		ev.Token.Scopes = nil
	}
	return &ev, nil
}
