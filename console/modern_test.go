package console

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/modernreplay"
	"github.com/credwatch/credwatch/internal/testenv"
)

// consolePaths are requests that between them run every kind of query the
// console's read endpoints send, by token: an admin (every tenant), an
// investigator of two tenants and analysts and a viewer of one (the scope
// is part of each query).
var consolePaths = map[string][]string{
	"tok-admin": {"/api/v1/alerts", "/api/v1/alerts?status=new&sort=severity", "/api/v1/alerts/globex/alr_page",
		"/api/v1/alerts/globex/alr_page?around=1h&limit=2", "/api/v1/credentials/tok_acme/timeline",
		"/api/v1/secrets/history?secret=sec_db", "/api/v1/actors/mallory/activity", "/api/v1/tenants/cross-access",
		"/api/v1/events/search?limit=5&" + dayRange, "/api/v1/events/export?" + dayRange,
		"/api/v1/responses", "/api/v1/suppressions"},
	"tok-two": {"/api/v1/credentials/tok_acme/timeline", "/api/v1/actors/mallory/activity",
		"/api/v1/tenants/cross-access", "/api/v1/events/search?limit=5&" + dayRange},
	"tok-acme":           {"/api/v1/alerts?status=new", "/api/v1/suppressions"},
	"tok-globex-analyst": {"/api/v1/alerts/globex/alr_page", "/api/v1/responses"},
	"tok-initech":        {"/api/v1/alerts"},
}

// TestConsoleQueriesOnAModernServer replays, on a current ClickHouse
// (chDB's 26.7, whose analyzer is stricter than 18.16's), one query of each
// shape the console sent 18.16 while answering consolePaths, as the server
// logged it (parameters bound).
func TestConsoleQueriesOnAModernServer(t *testing.T) {
	ch := testenv.ClickHouseWithUsers(t, testenv.LogQueries)
	x := newRigOn(t, ch.DSN("console_modern"), nil)
	x.addForensicData(t)
	for token, paths := range consolePaths {
		for _, p := range paths {
			code, body := x.get(t, token, p)
			require.Equal(t, http.StatusOK, code, "%s %s: %s", token, p, body)
		}
	}
	n := modernreplay.Check(t, x.st.Conn())
	require.Greater(t, n, len(consolePaths["tok-admin"]))
	t.Logf("%d console query shapes ran on ClickHouse 26.7", n)
}
