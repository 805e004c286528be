package bench

import "testing"

// TestViewOverEvents reads views as 18.16 and as newer servers print them,
// and leaves out views over other tables (and over a name events starts).
func TestViewOverEvents(t *testing.T) {
	for _, c := range []struct {
		ddl, target, query string
	}{
		{"CREATE MATERIALIZED VIEW db.events_by_token_mv TO db.events_by_token ( token_id String,  time DateTime('UTC')) " +
			"AS SELECT token_id, time FROM db.events  WHERE token_id != ''", "db.events_by_token",
			"SELECT token_id, time FROM db.events  WHERE token_id != ''"},
		{"CREATE MATERIALIZED VIEW db.events_cross_tenant_mv TO db.events_cross_tenant\n(\n    `tenant` String,\n    `owner` String\n)\n" +
			"AS SELECT tenant, if(token_tenant != '', token_tenant, secret_tenant) AS owner FROM db.events WHERE (owner != '') AND (owner != tenant)",
			"db.events_cross_tenant",
			"SELECT tenant, if(token_tenant != '', token_tenant, secret_tenant) AS owner FROM db.events WHERE (owner != '') AND (owner != tenant)"},
		{"CREATE MATERIALIZED VIEW db.x TO db.y (a String) AS SELECT a FROM db.events", "db.y", "SELECT a FROM db.events"},
		{"CREATE MATERIALIZED VIEW db.alerts_mv TO db.alerts_latest (id String) AS SELECT id FROM db.alerts", "", ""},
		{"CREATE MATERIALIZED VIEW db.x TO db.y (a String) AS SELECT a FROM db.events_by_token", "", ""},
		{"CREATE MATERIALIZED VIEW db.x (a String) ENGINE = Memory AS SELECT a FROM db.events", "", ""},
		{"CREATE MATERIALIZED VIEW other.x TO other.y (a String) AS SELECT a FROM other.events", "", ""},
	} {
		v, ok := viewOverEvents("db", "v", c.ddl)
		if ok != (c.target != "") || v.target != c.target || v.query != c.query {
			t.Errorf("%s:\ngot  %v %+v\nwant %s / %s", c.ddl, ok, v, c.target, c.query)
		}
	}
}
