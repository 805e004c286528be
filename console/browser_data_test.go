package console

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/store"
)

// newBrowserRig is the test console (its clock the test's) holding the test
// alerts, tok_shared's events and an alert on tok_shared with a full
// explanation; its queue refreshes every second.
func newBrowserRig(t *testing.T) (*rig, *testClock) {
	clk := &testClock{t: now}
	x := newRigWith(t, func(c *Config) { c.Now, c.AlertsRefresh = clk.Now, time.Second })
	require.NoError(t, x.st.InsertRows(t.Context(), tokenEvents()))
	require.NoError(t, x.st.InsertRows(t.Context(), explainedAlert("acme", "alr_acme_shared", now.Add(-30*time.Minute))))
	return x, clk
}

// explainedAlert is a critical alert on tok_shared, last seen at seen, with
// an explanation as detect writes it.
func explainedAlert(tenant, id string, seen time.Time) store.Rows {
	rows := store.Rows{Table: "alerts", Columns: testAlerts().Columns}
	explanation := `{"reason":"tok_shared was used from AS9009 (RO), a network it never used before",` +
		`"rule_facts":{"asn":9009,"country":"RO","known_networks":1},` +
		`"baseline":{"learning":false,"credential_learning":false,"networks_seen":1},` +
		`"description":"A credential used from a network that neither it nor its owner used before."}`
	rows.Values = append(rows.Values, []any{tenant, id, uint32(1), "new", uint8(1), "first_seen_asn",
		"Credential used from a new network", "critical", "respond", uint8(0), uint8(0), "", "", "",
		"tok_shared", "user@acme", seen.Add(-time.Hour), seen, uint32(2), uint32(2),
		"tok_shared was used from AS9009 (RO), a network it never used before", explanation, seen})
	return rows
}
