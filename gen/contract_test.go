package gen_test

import (
	"encoding/json"
	"net/netip"
	"reflect"
	"testing"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

func TestEventsFollowContract(t *testing.T) {
	t.Run("default", func(t *testing.T) { checkContract(t, newGen(t, gen.Config{Seed: 9, Start: start})) })
	t.Run("busy oddities", func(t *testing.T) {
		checkContract(t, newGen(t, gen.Config{Seed: 9, Start: start, Rate: 20, Registry: busy()}))
	})
}

// checkContract checks 100k events of g: each round-trips through JSON and
// follows the contract, times never go back, ids are unique.
func checkContract(t *testing.T, g *gen.Generator) {
	ids := make(map[string]bool, 100_000)
	var prev time.Time
	var buf []byte
	each(g, 100_000, func(ev *eventT) {
		buf = gen.AppendJSON(buf[:0], ev)
		var got event.Event
		if err := json.Unmarshal(buf, &got); err != nil {
			t.Fatalf("%v: %s", err, buf)
		}
		want := *ev
		want.Source.HasGeo = false // not on the wire
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("round trip changed the event:\n%s\nwant %+v\ngot  %+v", buf, want, got)
		}
		if problem := violation(&got); problem != "" {
			t.Fatalf("%s: %s", problem, buf)
		}
		if got.Time.Before(prev) {
			t.Fatalf("time went back from %v: %s", prev, buf)
		}
		if ids[got.ID] {
			t.Fatalf("duplicate id: %s", buf)
		}
		prev, ids[got.ID] = got.Time, true
	})
}

// violation is what ev breaks of the contract and the catalogue, or "".
func violation(ev *event.Event) string {
	switch {
	case ev.ID == "" || ev.Time.IsZero() || ev.Action == "" || ev.Tenant == "" || ev.Actor.ID == "":
		return "missing required field"
	case !event.OneOf(ev.Action, event.Actions):
		return "action not in catalogue"
	case !event.OneOf(ev.Outcome, event.Outcomes):
		return "bad outcome"
	case !event.OneOf(ev.Actor.Type, event.ActorTypes):
		return "bad actor type"
	case ev.Token.Kind != "" && !event.OneOf(ev.Token.Kind, event.TokenKinds):
		return "bad token kind"
	case ev.Resource.Type != "" && !event.OneOf(ev.Resource.Type, event.ResourceType):
		return "bad resource type"
	case ev.Resource.Visibility != "" && !event.OneOf(ev.Resource.Visibility, event.Visibilities):
		return "bad visibility"
	case ev.Workload.Phase != "" && !event.OneOf(ev.Workload.Phase, event.Phases):
		return "bad phase"
	case len(ev.Source.Country) != 2 || ev.Source.ASN == 0:
		return "source without country or ASN"
	case ev.Time.Sub(ev.Time.Truncate(time.Millisecond)) != 0:
		return "time finer than a millisecond"
	}
	if ip, err := netip.ParseAddr(ev.Source.IP); err != nil || ip.String() != ev.Source.IP {
		return "source IP not canonical"
	}
	return coherence(ev)
}

// coherence is what makes ev implausible for the platform, or "".
func coherence(ev *event.Event) string {
	switch {
	case ev.Source.Internal != (ev.Source.ASN == 14618):
		return "internal traffic must come from the platform's ASN, and only it"
	case ev.Actor.Type == "space" && ev.Token.ID != "" && ev.Token.Workload != ev.Actor.ID:
		return "a Space must use the token bound to it"
	case ev.Workload.Phase == "build" && ev.Actor.Type != "build":
		return "build-phase events come from the build"
	case ev.Action == "secret.read" && (ev.Secret.Workload != ev.Workload.ID || ev.Secret.Tenant != ev.Tenant):
		return "a Space reads its own secrets"
	case ev.Token.CreatedAt.After(ev.Time):
		return "token used before it was created"
	case ev.Token.Kind == "session" && ev.SessionID == "":
		return "session token without session id"
	}
	return ""
}
