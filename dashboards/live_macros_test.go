package dashboards_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/dashboards"
	"github.com/credwatch/credwatch/store"
)

// macroProbes use each plugin macro the simplest way its docs show.
var macroProbes = map[string]string{
	"fromTime": "SELECT $__fromTime", "toTime": "SELECT $__toTime",
	"fromTime_ms": "SELECT $__fromTime_ms", "toTime_ms": "SELECT $__toTime_ms",
	"timeFilter": "SELECT 1 WHERE $__timeFilter(now())", "timeFilter_ms": "SELECT 1 WHERE $__timeFilter_ms(now())",
	"dateFilter": "SELECT 1 WHERE $__dateFilter(today())", "interval_s": "SELECT $__interval_s",
	"timeInterval": "SELECT $__timeInterval(now())", "timeInterval_ms": "SELECT $__timeInterval_ms(now())",
	"timeFrom": "SELECT 1 WHERE $__timeFrom(now())", "timeTo": "SELECT 1 WHERE $__timeTo(now())",
	"dateTimeFilter": "SELECT 1 WHERE $__dateTimeFilter(today(), now())", "dt": "SELECT 1 WHERE $__dt(today(), now())",
}

// macroUse finds the macros panel SQL uses.
var macroUse = regexp.MustCompile(`\$__(\w+)`)

// checkMacros probes each of the plugin's macros on the test ClickHouse
// (some need functions it may lack: toStartOfInterval, DateTime64) and
// requires the dashboards to use only those that work. It returns the
// macros that fail, sorted.
func checkMacros(t *testing.T, st *store.Store) []string {
	q := query{from: time.Now().Add(-time.Hour), to: time.Now(), interval: time.Minute}
	var failing []string
	for name, probe := range macroProbes {
		if _, err := run(st.Conn(), expandMacros(t, probe, q)); err != nil {
			failing = append(failing, name)
		}
	}
	slices.Sort(failing)
	used := map[string]bool{dashboards.TenantOptions: true}
	for _, file := range []string{"credwatch-soc-overview.json", "credwatch-credential.json"} {
		for _, p := range chPanels(t, dashboardOf(t, file)) {
			used[p.query.RawSQL] = true
		}
	}
	for sql := range used {
		for _, m := range macroUse.FindAllStringSubmatch(sql, -1) {
			require.NotContains(t, failing, m[1], "a panel uses $__%s, which fails on this ClickHouse", m[1])
		}
	}
	t.Logf("plugin macros failing on this ClickHouse: %s", strings.Join(failing, ", "))
	return failing
}
