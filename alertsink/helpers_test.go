package alertsink_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/store"
)

// t0 is when test alerts happen.
var t0 = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

// match is one rule match on event eventID, as the engine hands it to dedup.
func match(tenant, cred, severity, eventID string, at time.Time) *detect.Alert {
	return &detect.Alert{Rule: "cross_tenant_private", Title: "Credential used across tenants on a private resource",
		Severity: severity, Tier: "revoke", Tenant: tenant, Credential: cred, Actor: "mallory",
		FirstSeen: at, LastSeen: at, Count: 1, EventIDs: []string{eventID},
		Explanation: detect.Explanation{Reason: "token of tenant acme used on private model of tenant " + tenant,
			RuleFacts:   map[string]any{"credential_tenant": "acme"},
			Baseline:    detect.Facts{Uses: 3, FirstSeen: detect.FirstSeen{ASN: true}, Profile: detect.Profile{ASN: "UNSEEN"}},
			Description: "A credential of one tenant on another's private resource."}}
}

// lifecycle is one alert's updates from the real deduper: new (medium),
// evidence (medium), escalated (high); events <cred>-e1..e3.
func lifecycle(tenant, cred string) []detect.Update {
	d := detect.NewDeduper(time.Hour)
	return []detect.Update{
		d.Add(match(tenant, cred, "medium", cred+"-e1", t0)),
		d.Add(match(tenant, cred, "medium", cred+"-e2", t0.Add(time.Minute))),
		d.Add(match(tenant, cred, "high", cred+"-e3", t0.Add(2*time.Minute))),
	}
}

// fakeStore records inserts and fails while failures remain.
type fakeStore struct {
	mu       sync.Mutex
	inserts  []store.Rows
	failures []error
}

func (f *fakeStore) InsertRows(_ context.Context, r store.Rows) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.failures) > 0 {
		err := f.failures[0]
		f.failures = f.failures[1:]
		return err
	}
	f.inserts = append(f.inserts, r)
	return nil
}

// rows counts inserted rows into table.
func (f *fakeStore) rows(table string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.inserts {
		if r.Table == table {
			n += len(r.Values)
		}
	}
	return n
}

// fakeWriter records messages and fails with err when set.
type fakeWriter struct {
	msgs []kafka.Message
	err  error
}

func (w *fakeWriter) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	if w.err != nil {
		return w.err
	}
	w.msgs = append(w.msgs, msgs...)
	return nil
}

// metricValue sums a counter's (or a histogram's sample count's) series
// whose labels include want.
func metricValue(t *testing.T, reg *prometheus.Registry, name string, want map[string]string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
	require.NoError(t, err)
	sum := 0.0
	for _, mf := range mfs {
		if mf.GetName() != name {
			continue
		}
	series:
		for _, m := range mf.GetMetric() {
			labels := map[string]string{}
			for _, l := range m.GetLabel() {
				labels[l.GetName()] = l.GetValue()
			}
			for k, v := range want {
				if labels[k] != v {
					continue series
				}
			}
			sum += m.GetCounter().GetValue() + float64(m.GetHistogram().GetSampleCount())
		}
	}
	return sum
}

// headers is a message's headers as a map.
func headers(m kafka.Message) map[string]string {
	h := map[string]string{}
	for _, x := range m.Headers {
		h[x.Key] = string(x.Value)
	}
	return h
}

// ocsfFields decodes the OCSF fields tests look at.
type ocsfFields struct {
	ActivityID  int `json:"activity_id"`
	SeverityID  int `json:"severity_id"`
	FindingInfo struct {
		UID string `json:"uid"`
	} `json:"finding_info"`
	Metadata struct {
		UID string `json:"uid"`
	} `json:"metadata"`
}

func decodeOCSF(t *testing.T, value []byte) ocsfFields {
	t.Helper()
	var f ocsfFields
	require.NoError(t, json.Unmarshal(value, &f))
	return f
}
