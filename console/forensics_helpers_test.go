package console

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

func rfc(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func itoa(n int) string { return strconv.Itoa(n) }

func eventIDs(es []SecretAccess) []string {
	ids := []string{}
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids
}

func eventIDs2(es []event.Event) []string {
	ids := []string{}
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	return ids
}

func readerNames(rs []SecretReader) []string {
	names := []string{}
	for _, r := range rs {
		names = append(names, r.Actor)
	}
	return names
}

func countMap(cs []Count) map[string]uint64 {
	m := map[string]uint64{}
	for _, c := range cs {
		m[c.Value] = c.Events
	}
	return m
}

// pagerIDs are pager's events in the tenants given (nil: all), in the
// search's order: by time (newest first when desc), then id ascending.
func pagerIDs(desc bool, tenants []string) []string {
	var ids []string
	for m := range 10 {
		minute := m
		if desc {
			minute = 9 - m
		}
		for k := range 3 {
			if i := minute*3 + k; tenants == nil || slices.Contains(tenants, alertTenants[i%3]) {
				ids = append(ids, fmt.Sprintf("page-%02d", i))
			}
		}
	}
	return ids
}

// dayRange is a search's required range: the day before now.
var dayRange = "from=" + rfc(now.Add(-24*time.Hour)) + "&to=" + rfc(now)

// getJSON requires 200 from path and decodes its body into out.
func (x *rig) getJSON(t *testing.T, token, path string, out any) {
	t.Helper()
	code, body := x.get(t, token, path)
	require.Equal(t, http.StatusOK, code, "%s: %s", path, body)
	require.NoError(t, json.Unmarshal(body, out))
}

// requireBadParam requires a 400 naming field.
func (x *rig) requireBadParam(t *testing.T, token, path, field string) {
	t.Helper()
	code, body := x.get(t, token, path)
	require.Equal(t, http.StatusBadRequest, code, "%s: %s", path, body)
	var e apiError
	require.NoError(t, json.Unmarshal(body, &e))
	require.Equal(t, field, e.Field, "%s: %s", path, body)
}
