package consolebench

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/credwatch/credwatch/store"
)

// Shape is the synthetic history: how many events over how many days,
// tenants and credentials, and the share of one hot credential.
type Shape struct {
	Events      int
	Days        int
	Tenants     int
	Credentials int
	HotShare    int // one event in HotShare belongs to the hot credential
	Alerts      int
	End         time.Time // the newest event's time
}

// Names the measurements use.
const (
	hotCredential = "tok-hot"
	hotTenant     = "tenant-0"
)

// credentialOf is the SQL for event n's credential: the hot one for
// one event in HotShare, else one of Credentials spread by a hash.
func (s Shape) credentialOf() string {
	return fmt.Sprintf("if(n %% %d = 0, '%s', concat('tok-', toString(cityHash64(n) %% %d)))",
		s.HotShare, hotCredential, s.Credentials)
}

// eventsSQL inserts events [from, from+count) spread evenly back in time from End.
func (s Shape) eventsSQL(from, count int) string {
	span := s.Days * 86400
	cols := []string{
		"concat('ev-', toString(n)) AS id",
		fmt.Sprintf("toDateTime(%d - intDiv(n * %d, %d)) AS time", s.End.Unix(), span, s.Events),
		"toUInt64(time) * 1000 + n % 1000 AS time_ms",
		"arrayElement(['token.use','secret.read','secret.list','token.create','secret.write'], n % 5 + 1) AS action",
		"if(n % 50 = 0, 'failure', 'success') AS outcome",
		fmt.Sprintf("if(token_id = '%s', '%s', concat('tenant-', toString(cityHash64(n, 1) %% %d))) AS tenant",
			hotCredential, hotTenant, s.Tenants),
		"concat('user-', toString(cityHash64(n, 2) % 5000)) AS actor_id",
		s.credentialOf() + " AS token_id",
		fmt.Sprintf("if(n %% 100 = 7, concat('tenant-', toString((cityHash64(n, 1) + 1) %% %d)), tenant) AS token_tenant", s.Tenants), // 1%% used across tenants
		"concat('secret/app-', toString(n % 700)) AS secret_id",
		"'secret' AS resource_type", "secret_id AS resource_id",
		"IPv4NumToString(toUInt32(167772160 + cityHash64(n, 3) % 65536)) AS source_ip",
		"toUInt32(64500 + n % 40) AS source_asn",
		"arrayElement(['US','DE','FR','GB','JP','BR'], n % 6 + 1) AS source_country",
		"'credwatch-client/1.0' AS source_user_agent",
		"concat('wl-', toString(n % 300)) AS workload_id",
		"concat('{\"id\":\"ev-', toString(n), '\",\"action\":\"', action, '\",\"tenant\":\"', tenant, '\"}') AS raw",
		fmt.Sprintf("toDateTime(%d) AS ingested_at", s.End.Unix()),
	}
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c[strings.LastIndex(c, " AS ")+4:]
	}
	return "INSERT INTO events (" + strings.Join(names, ", ") + ") SELECT " + strings.Join(names, ", ") +
		" FROM (SELECT n, " + strings.Join(cols, ", ") + " FROM (SELECT number + " + strconv.Itoa(from) +
		" AS n FROM numbers(" + strconv.Itoa(count) + ")))"
}

// alertsSQL inserts Alerts alerts over the last Days, a tenth of them on
// the hot credential.
func (s Shape) alertsSQL() string {
	span := s.Days * 86400
	return fmt.Sprintf("INSERT INTO alerts (tenant, id, revision, kind, publish, rule, title, severity, tier, credential, actor, "+
		"first_seen, last_seen, count, evidence_count, reason, explanation, updated_at) "+
		"SELECT if(number %% 10 = 0, '%[1]s', concat('tenant-', toString(number %% %[2]d))), concat('al-', toString(number)), 1, 'alert', 1, "+
		"arrayElement(['cross_tenant_use','first_seen_asn','impossible_travel','dormant_reuse','scope_escalation'], number %% 5 + 1), "+
		"'synthetic alert', arrayElement(['low','medium','high','critical'], number %% 4 + 1), 'page', "+
		"if(number %% 10 = 0, '%[3]s', concat('tok-', toString(number))), concat('user-', toString(number %% 5000)), "+
		"toDateTime(%[4]d - intDiv(number * %[5]d, %[6]d)), toDateTime(%[4]d - intDiv(number * %[5]d, %[6]d)), 1, 1, "+
		"'used from a network never seen for this credential', '', toDateTime(%[4]d) FROM numbers(%[6]d)",
		hotTenant, s.Tenants, hotCredential, s.End.Unix(), span, s.Alerts)
}

// Fill writes the shape's history into st's database, a million events per
// statement, and reports progress to out.
func Fill(ctx context.Context, st *store.Store, s Shape, out io.Writer) error {
	const chunk = 1_000_000
	for from := 0; from < s.Events; from += chunk {
		n := min(chunk, s.Events-from)
		if err := st.Conn().Exec(ctx, s.eventsSQL(from, n)); err != nil {
			return fmt.Errorf("fill events %d..%d: %w", from, from+n, err)
		}
		fmt.Fprintf(out, "  %d/%d events\n", from+n, s.Events)
	}
	if err := st.Conn().Exec(ctx, s.alertsSQL()); err != nil {
		return fmt.Errorf("fill alerts: %w", err)
	}
	return nil
}

// DefaultShape is events over 30 days ending at end: 20 tenants, 200,000
// credentials, one event in 100 on the hot credential, one alert per 200
// events.
func DefaultShape(events int, end time.Time) Shape {
	return Shape{Events: events, Days: 30, Tenants: 20, Credentials: 200_000, HotShare: 100,
		Alerts: max(events/200, 1), End: end.UTC().Truncate(time.Second)}
}
