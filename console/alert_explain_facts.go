package console

import (
	"fmt"

	"github.com/credwatch/credwatch/detect"
)

// baselineFacts turns the baseline (and the rule's facts, for the values
// observed) into facts in words and numbers.
func baselineFacts(f detect.Facts, rf map[string]any) []Fact {
	facts := learningFacts(f)
	facts = append(facts, credentialFacts(f, rf)...)
	facts = append(facts, principalFacts(f)...)
	facts = append(facts, windowFacts("window", "the credential", f.Window)...)
	facts = append(facts, windowFacts("actor.window", "the actor", f.Actor.Window)...)
	facts = append(facts, travelFacts(f.Travel)...)
	facts = append(facts, buildFacts(f.Build)...)
	facts = append(facts, scopeFacts(f.Scopes)...)
	return append(facts, sequenceFacts(f.Sequence)...)
}

func learningFacts(f detect.Facts) []Fact {
	switch {
	case f.Learning:
		return []Fact{{Name: "learning", Marker: markerLearning,
			Text: "nothing has watched long enough to judge this event: the baseline is still being learned"}}
	case f.CredentialLearning:
		return []Fact{{Name: "credential.learning", Marker: markerLearning, Observed: num(f.HistoryDays),
			Text: fmt.Sprintf("the credential's own history (%s) is shorter than the learning period: "+
				"its actor's and tenant's networks judge it", plural(f.HistoryDays, "day"))}}
	}
	return nil
}

// credentialFacts: the credential's history and how usual the event's
// network, country and client are for it.
func credentialFacts(f detect.Facts, rf map[string]any) []Fact {
	facts := []Fact{{Name: "credential.uses", Observed: num(f.Uses),
		Text: fmt.Sprintf("%s before, over %s of history", plural(f.Uses, "use"), plural(f.HistoryDays, "day"))}}
	if f.IdleDays > 0 {
		facts = append(facts, Fact{Name: "credential.idle", Observed: num(f.IdleDays),
			Text: fmt.Sprintf("unused for %s before this event", plural(f.IdleDays, "day"))})
	}
	if f.Profile.ASN != "" {
		network := "the network"
		var observed *float64
		if asn, ok := rf["asn"].(float64); ok {
			network, observed = fmt.Sprintf("network AS%d", uint32(asn)), &asn
		}
		facts = append(facts, Fact{Name: "credential.network", Marker: f.Profile.ASN, Observed: observed,
			Baseline: num(f.KnownASNs), Text: fmt.Sprintf("%s is %s for this credential (%s known)", network,
				f.Profile.ASN, plural(f.KnownASNs, "network"))})
	}
	for _, p := range []struct{ name, what, class string }{
		{"credential.country", "the country", f.Profile.Country}, {"credential.user_agent", "the client family", f.Profile.UAFamily},
	} {
		if p.class != "" {
			facts = append(facts, Fact{Name: p.name, Marker: p.class, Text: fmt.Sprintf("%s is %s for this credential", p.what, p.class)})
		}
	}
	return facts
}

// principalFacts: whether the actor and the tenant used the network, and
// how many actors succeeded from it.
func principalFacts(f detect.Facts) []Fact {
	actor := principalFact("actor.network", "the actor", f.Actor.KnownASN, f.Actor.Learning,
		fmt.Sprintf("%s known over %s", plural(f.Actor.KnownASNs, "network"), plural(f.Actor.HistoryDays, "day")))
	actor.Baseline = num(f.Actor.KnownASNs)
	tenant := principalFact("tenant.network", "the tenant", f.Tenant.KnownASN, f.Tenant.Learning,
		plural(f.Tenant.HistoryDays, "day")+" of history")
	network := Fact{Name: "network.actors", Observed: num(f.Network.Actors),
		Text: fmt.Sprintf("%s succeeded from this network", plural(f.Network.Actors, "actor"))}
	if f.Network.Actors == 0 {
		network.Marker = markerUnseen
	}
	return []Fact{actor, tenant, network}
}

func principalFact(name, who string, known, learning bool, history string) Fact {
	fact := Fact{Name: name, Text: fmt.Sprintf("%s used this network before (%s)", who, history)}
	if !known {
		fact.Marker, fact.Text = markerUnseen, fmt.Sprintf("%s never used this network (%s)", who, history)
	}
	if learning {
		fact.Text += "; still learning"
	}
	return fact
}

// plural is "1 day", "2 days".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
