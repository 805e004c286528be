package detect

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// jsonInput is the reference: the contract JSON of event and facts, parsed.
func jsonInput(t *testing.T, ev *event.Event, f *Facts) ast.Value {
	b, err := json.Marshal(struct {
		Event   *event.Event `json:"event"`
		Context *Facts       `json:"context"`
	}{ev, f})
	require.NoError(t, err)
	v, err := ast.ValueFromReader(bytes.NewReader(b))
	require.NoError(t, err)
	return v
}

// TestASTInputMatchesJSON holds the direct AST builder to the JSON contract
// over 30k generated events (their facts included) and one event with every
// field set.
func TestASTInputMatchesJSON(t *testing.T) {
	t.Parallel()
	g, err := gen.New(gen.Config{Seed: 7, Tenants: 20, Rate: 0.05, Start: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	b := NewBaselines(BaselineConfig{})
	var ev event.Event
	for i := range 30_000 {
		g.Next(&ev)
		ev.ID = "e" + string(rune('a'+i%26))
		f := b.Facts(&ev)
		if ast.Compare(toInput(&ev, &f), jsonInput(t, &ev, &f)) != 0 {
			t.Fatalf("event %d differs:\n direct %v\n json   %v", i, toInput(&ev, &f), jsonInput(t, &ev, &f))
		}
		b.Observe(&ev)
	}
	full := event.Event{ID: "x", Time: time.Date(2026, 1, 2, 3, 4, 5, 6e6, time.UTC), Action: "token.use", Outcome: "denied",
		Tenant: "t", Actor: event.Actor{ID: "a", Type: "user", Tenants: []string{"t", "u"}},
		Token:    event.Token{ID: "tok", Kind: "fine_grained", Scopes: []string{"read"}, Owner: "o", Tenant: "t", Workload: "w", CreatedAt: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)},
		Secret:   event.Secret{ID: "s", Name: "HF_TOKEN", Tenant: "t", Workload: "w"},
		Resource: event.Resource{Type: "model", ID: "t/m", Visibility: "private"},
		Source:   event.Source{IP: "1.2.3.4", ASN: 4294967295, ASOrg: "X", Country: "DE", Lat: 52.52, Lon: -13.4, HasGeo: true, UserAgent: "ua", Internal: true},
		Workload: event.Workload{ID: "w", BuildID: "b", Phase: "build"}, SessionID: "s", RequestID: "r",
		Attrs: map[string]string{"k": "v", "a": "b"}, Format: event.FormatV1, Redactions: []string{"hf_token"}}
	f := Facts{Travel: &Travel{KM: 1.5, Hours: 0.1, SpeedKMH: 15}, Window: &WindowFacts{Baseline: RobustStats{Median: 2.5}},
		Build: &BuildFacts{ID: "b"}, Scopes: &ScopeFacts{Added: []string{"write"}},
		Crossing:  &CrossingFacts{Days: 3, HistoryDays: 40, Tenants: 2, Established: true},
		Namespace: &NamespaceFacts{Home: "ci", Target: "prod", Days: 5, Denied: true, Namespaces: 2, Established: true},
		Issued:    &IssuedFacts{IP: "198.51.100.23", Network: "198.51.0.0/16", Elsewhere: true},
		Sequence: SequenceFacts{LeakReported: &Step{EventID: "l", MinutesAgo: 1.5, ASN: 3, Subject: "s", Scopes: []string{"x"}}, Revoked: &Step{},
			CredentialRevoked: &Step{EventID: "r", MinutesAgo: 0.5, Subject: "tok"},
			InstanceCommanded: &Step{EventID: "c", MinutesAgo: 2, ASN: 16509, Subject: "i-1a2b3c4d", Actor: "arn:aws:iam::1:user/ops", IP: "18.236.253.47"},
			UsedBeforeReport: &UsedBeforeReport{MinutesAfterLeak: 60, LastUse: time.Date(2026, 1, 2, 4, 4, 5, 7e6, time.UTC), ASN: 9,
				ASNs: []uint32{9, 4294967295}, Countries: []string{"NL", "DE"}}}}
	require.Zero(t, ast.Compare(toInput(&full, &f), jsonInput(t, &full, &f)))
}
