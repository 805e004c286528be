package console

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// eventSelect are the events columns an answer shows, in scanEvent's
// order: every field of the event contract but the raw message, which is
// never served (it is scrubbed, but it is the vendor's text).
const eventSelect = "id, time_ms, action, outcome, tenant, actor_id, actor_type, actor_tenants, " +
	"token_id, token_kind, token_scopes, token_owner, token_tenant, token_workload, token_created_at, " +
	"secret_id, secret_name, secret_tenant, secret_workload, resource_type, resource_id, resource_visibility, " +
	"source_ip, source_asn, source_as_org, source_country, source_lat, source_lon, source_has_geo, " +
	"source_user_agent, source_internal, workload_id, workload_build_id, workload_phase, session_id, request_id, " +
	"attrs_keys, attrs_values, format, redactions, warnings"

// scanner is a row (driver.Rows, driver.Row or a prefixed).
type scanner interface{ Scan(dest ...any) error }

// scanEvent reads one row of eventSelect.
func scanEvent(rows scanner) (event.Event, error) {
	var e event.Event
	var ms uint64
	var created time.Time
	var hasGeo, internal uint8
	var keys, values []string
	err := rows.Scan(&e.ID, &ms, &e.Action, &e.Outcome, &e.Tenant, &e.Actor.ID, &e.Actor.Type, &e.Actor.Tenants,
		&e.Token.ID, &e.Token.Kind, &e.Token.Scopes, &e.Token.Owner, &e.Token.Tenant, &e.Token.Workload, &created,
		&e.Secret.ID, &e.Secret.Name, &e.Secret.Tenant, &e.Secret.Workload,
		&e.Resource.Type, &e.Resource.ID, &e.Resource.Visibility,
		&e.Source.IP, &e.Source.ASN, &e.Source.ASOrg, &e.Source.Country, &e.Source.Lat, &e.Source.Lon, &hasGeo,
		&e.Source.UserAgent, &internal, &e.Workload.ID, &e.Workload.BuildID, &e.Workload.Phase, &e.SessionID, &e.RequestID,
		&keys, &values, &e.Format, &e.Redactions, &e.Warnings)
	if err != nil {
		return e, err
	}
	e.Time = time.UnixMilli(int64(ms)).UTC()
	if created.Unix() > 0 { // stored as the epoch when unknown
		e.Token.CreatedAt = created.UTC()
	}
	e.Source.HasGeo, e.Source.Internal = hasGeo == 1, internal == 1
	if len(keys) > 0 && len(keys) == len(values) {
		e.Attrs = make(map[string]string, len(keys))
		for i, k := range keys {
			e.Attrs[k] = values[i]
		}
	}
	return e, nil
}

// cursorOf is the before= value that continues a page after e.
func cursorOf(e event.Event) string {
	return formatCursor(uint64(e.Time.UnixMilli()), e.ID)
}
