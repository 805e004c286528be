package store

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/chdb"
)

// checkModernTables checks that events holds n distinct events, that a
// replay collapses under FINAL, and that every table a materialized view
// fills holds what events implies.
func checkModernTables(t *testing.T, ch *chdb.Session, db string, n int) {
	t.Helper()
	require.Equal(t, strconv.Itoa(n), chCount(t, ch, "SELECT count() FROM %s.events FINAL", db))
	require.Equal(t, strconv.Itoa(n), chCount(t, ch, "SELECT uniqExact(id) FROM %s.events", db))
	for table, filter := range map[string]string{
		"events_by_token":     "token_id != ''",
		"events_by_secret":    "secret_id != ''",
		"events_by_actor":     "actor_id != ''",
		"events_cross_tenant": "if(token_tenant != '', token_tenant, secret_tenant) NOT IN ('', tenant)",
	} {
		want := chCount(t, ch, "SELECT uniqExact(id) FROM %s.events WHERE %s", db, filter)
		require.NotEqual(t, "0", want, table)
		require.Equal(t, want, chCount(t, ch, "SELECT count() FROM %s.%s FINAL", db, table), table)
	}
	require.Equal(t, `{"kept":"original"}`, chCount(t, ch, "SELECT raw FROM %s.events FINAL WHERE raw != ''", db))
}

// chCount is a query's one value.
func chCount(t *testing.T, ch *chdb.Session, query string, args ...any) string {
	t.Helper()
	out, err := ch.Exec(fmt.Sprintf(query, args...))
	require.NoError(t, err, query)
	return strings.TrimSpace(out)
}
