package console

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/store"
)

// use is one test event: who did what with which credential, from where.
type use struct {
	id, tenant, actor, action, token, tokenTenant, secret, secretTenant, resource string
	asn                                                                           uint32
	country, workload, build                                                      string
	at                                                                            time.Time
}

func (u use) record() store.Record {
	e := event.Event{ID: u.id, Time: u.at, Action: u.action, Outcome: "success", Tenant: u.tenant,
		Actor:    event.Actor{ID: u.actor, Type: "user"},
		Token:    event.Token{ID: u.token, Tenant: u.tokenTenant, Kind: "fine_grained"},
		Secret:   event.Secret{ID: u.secret, Tenant: u.secretTenant},
		Resource: event.Resource{Type: "model", ID: u.resource, Visibility: "private"},
		Source:   event.Source{IP: "198.51.100.7", ASN: u.asn, Country: u.country, UserAgent: "hf_hub/0.26"},
		Workload: event.Workload{ID: u.workload, BuildID: u.build}, Attrs: map[string]string{"region": "eu-" + u.tenant}}
	if u.secret != "" {
		e.Resource.Type = "secret"
	}
	return store.Record{Event: e, Origin: store.Origin{Topic: "credwatch.events"}}
}

// forensicEvents are the forensic tests' history, in the 13 hours before
// now: acme's token used at home hourly and by mallory in globex (a
// cross-tenant pair acme→globex), globex's token used by mallory in
// initech (globex→initech), a build reading acme's secret sec_db (and a
// globex secret of the same id), and 30 events of pager over three
// tenants, three to a millisecond, for paging.
func forensicEvents() []store.Record {
	var uses []use
	for i := range 12 {
		uses = append(uses, use{id: fmt.Sprintf("acme-home-%02d", i), tenant: "acme", actor: "user@acme", action: "token.use",
			token: "tok_acme", tokenTenant: "acme", resource: "acme/model", asn: 3320, country: "DE",
			at: now.Add(-time.Duration(12-i) * time.Hour)})
	}
	uses = append(uses,
		use{id: "mal-globex-1", tenant: "globex", actor: "mallory", action: "token.use", token: "tok_acme", tokenTenant: "acme",
			resource: "globex/secret-model", asn: 9009, country: "RO", at: now.Add(-3 * time.Hour)},
		use{id: "mal-globex-2", tenant: "globex", actor: "mallory", action: "token.use", token: "tok_acme", tokenTenant: "acme",
			resource: "globex/other-model", asn: 9009, country: "RO", at: now.Add(-2 * time.Hour)},
		use{id: "mal-initech-1", tenant: "initech", actor: "mallory", action: "token.use", token: "tok_globex",
			tokenTenant: "globex", resource: "initech/model", asn: 9009, country: "RO", at: now.Add(-90 * time.Minute)},
		use{id: "mal-acme-1", tenant: "acme", actor: "mallory", action: "secret.read", secret: "sec_db", secretTenant: "acme",
			asn: 9009, country: "RO", at: now.Add(-80 * time.Minute)},
		use{id: "globex-sec-1", tenant: "globex", actor: "user@globex", action: "secret.read", secret: "sec_db",
			secretTenant: "globex", asn: 1111, country: "US", workload: "space:globex/app", build: "bld_g", at: now.Add(-70 * time.Minute)})
	for i := range 5 {
		uses = append(uses, use{id: fmt.Sprintf("build-read-%d", i), tenant: "acme", actor: "build:acme/app", action: "secret.read",
			secret: "sec_db", secretTenant: "acme", asn: 16509, country: "US", workload: "space:acme/app",
			build: fmt.Sprintf("bld_%d", 1+i/3), at: now.Add(-time.Duration(60-i) * time.Minute)})
	}
	for i := range 30 {
		uses = append(uses, use{id: fmt.Sprintf("page-%02d", i), tenant: alertTenants[i%3], actor: "pager", action: "token.use",
			token: "tok_pager", tokenTenant: alertTenants[i%3], asn: 64500, country: "FR",
			at: now.Add(-30*time.Minute + time.Duration(i/3)*time.Minute + 123*time.Millisecond)})
	}
	records := make([]store.Record, len(uses))
	for i, u := range uses {
		records[i] = u.record()
	}
	return append(records, evilRecord())
}

// evilRecord is an acme event whose values a spreadsheet would run as
// formulas, with CSV's separators in them.
func evilRecord() store.Record {
	r := use{id: "csv-evil", tenant: "acme", actor: "@evil", action: "token.use", token: "tok_evil", tokenTenant: "acme",
		resource: `=HYPERLINK("http://x","y")`, asn: 64501, country: "NL", at: now.Add(-5 * time.Hour)}.record()
	r.Event.Source.UserAgent, r.Event.SessionID = "+1,2\n3", "-2+3"
	return r
}

// newForensicRig is a rig holding forensicEvents and the alert page's data.
func newForensicRig(t *testing.T) *rig {
	x := newRig(t)
	x.addForensicData(t)
	return x
}

// addForensicData inserts forensicEvents and the alert page's data.
func (x *rig) addForensicData(t *testing.T) {
	ctx := context.Background()
	require.NoError(t, x.st.InsertEvents(ctx, forensicEvents(), now))
	require.NoError(t, x.st.InsertRows(ctx, pageAlerts(t)))
	require.NoError(t, x.st.InsertRows(ctx, pageEvidence()))
	require.NoError(t, x.st.InsertRows(ctx, pageIntents()))
	x.serveForensicUsers(t)
}

// pageExplanation is the stored explanation of the alert page's alert.
func pageExplanation(t *testing.T) string {
	win := &detect.WindowFacts{Minutes: 10, Events: 2, Distinct: 2, Baseline: detect.RobustStats{Buckets: 40, Median: 1, P99: 1}}
	b, err := json.Marshal(detect.Explanation{Reason: "token of tenant acme used on private model of tenant globex",
		RuleFacts: map[string]any{"asn": 9009, "credential_tenant": "acme"}, Description: "cross-tenant use",
		Baseline: detect.Facts{HistoryDays: 9, Uses: 12, KnownASNs: 1,
			Profile: detect.Profile{ASN: "UNSEEN", Country: "RARE", UAFamily: "FREQUENT"},
			Actor:   detect.ActorFacts{KnownASN: false, KnownASNs: 2, HistoryDays: 9, Window: win},
			Tenant:  detect.TenantFacts{KnownASN: true, HistoryDays: 30}, Window: win,
			Sequence: detect.SequenceFacts{LeakReported: &detect.Step{EventID: "leak-1", MinutesAgo: 51.5, ASN: 9009}}}})
	require.NoError(t, err)
	return string(b)
}
