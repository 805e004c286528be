package clustertest

import (
	"fmt"
	"strconv"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/store"
)

// use is a successful token.use of token at at from asn, in tenant acme.
type use struct {
	id, token string
	asn       uint32
	at        time.Time
}

// json is the event as a producer sends it (contract v1).
func (u use) json() []byte {
	return fmt.Appendf(nil, `{"id":%q,"time":%q,"action":"token.use","tenant":"acme",`+
		`"actor":{"id":"actor-%s","type":"user","tenants":["acme"]},"token":{"id":%q,"kind":"fine_grained"},`+
		`"source":{"ip":"203.0.113.7","asn":%d,"as_org":"AS%d","country":"US"}}`,
		u.id, u.at.UTC().Format(time.RFC3339Nano), u.token, u.token, u.asn, u.asn)
}

// record is u as ingest stores it.
func (u use) record() store.Record {
	return store.Record{Event: event.Event{ID: u.id, Time: u.at.UTC().Truncate(time.Millisecond), Action: "token.use",
		Outcome: "success", Tenant: "acme", Actor: event.Actor{ID: "actor-" + u.token, Type: "user", Tenants: []string{"acme"}},
		Token:  event.Token{ID: u.token, Kind: "fine_grained"},
		Source: event.Source{IP: "203.0.113.7", ASN: u.asn, ASOrg: "AS" + strconv.Itoa(int(u.asn)), Country: "US"},
		Format: event.FormatV1, Raw: u.json()}}
}

// history is days of uses of token from asn, three a day, ending at end.
func history(token string, asn uint32, days int, end time.Time) []store.Record {
	var out []store.Record
	for i := range days * 3 {
		u := use{id: fmt.Sprintf("h-%s-%d", token, i), token: token, asn: asn, at: end.Add(-time.Duration(i) * 8 * time.Hour)}
		out = append(out, u.record())
	}
	return out
}

// batch is n uses with ids prefix-<i>, of 40 tokens, a second apart.
func batch(prefix string, n int, start time.Time) []store.Record {
	out := make([]store.Record, n)
	for i := range out {
		u := use{id: fmt.Sprintf("%s-%06d", prefix, i), token: fmt.Sprintf("tok-%d", i%40), asn: uint32(64500 + i%5),
			at: start.Add(time.Duration(i) * time.Second)}
		out[i] = u.record()
	}
	return out
}

// produced is the v1 message of event i of the ingest test (ids evt-<i>,
// 50 tenants).
func produced(i int, start time.Time) []byte {
	return fmt.Appendf(nil, `{"id":"evt-%07d","time":%q,"action":"token.use","tenant":"org-%d",`+
		`"actor":{"id":"user-%d","type":"user","tenants":["org-%d"]},"token":{"id":"tok-%d","kind":"fine_grained","scopes":["read"]},`+
		`"source":{"ip":"203.0.113.%d","asn":%d,"country":"US","user_agent":"huggingface_hub/0.26"}}`,
		i, start.Add(time.Duration(i)*time.Second).Format(time.RFC3339Nano), i%50, i%500, i%50, i%2000, i%250, 64500+i%7)
}
