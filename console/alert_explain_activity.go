package console

import (
	"fmt"
	"strings"
	"time"

	"github.com/credwatch/credwatch/detect"
)

// windowFacts: the distinct resources and denials in the window ending at
// the event, against the p99 of past windows.
func windowFacts(name, who string, w *detect.WindowFacts) []Fact {
	if w == nil {
		return nil
	}
	b := w.Baseline
	distinct := Fact{Name: name + ".distinct", Observed: num(w.Distinct),
		Text: fmt.Sprintf("%s touched %s in %s (%s)", who, plural(w.Distinct, "distinct resource"),
			plural(w.Minutes, "minute"), plural(w.Events, "event"))}
	if b.Buckets > 0 {
		distinct.Baseline = num(b.P99)
		distinct.Text += fmt.Sprintf("; past windows: median %g, p99 %g over %s", b.Median, b.P99, plural(b.Buckets, "window"))
		if float64(w.Distinct) > b.P99 {
			distinct.Marker = markerAbove
		}
	}
	facts := []Fact{distinct}
	if w.Denied > 0 {
		facts = append(facts, Fact{Name: name + ".denied", Observed: num(w.Denied),
			Text: fmt.Sprintf("%s denied in the window", plural(w.Denied, "request"))})
	}
	return facts
}

func travelFacts(t *detect.Travel) []Fact {
	if t == nil {
		return nil
	}
	return []Fact{{Name: "travel", Observed: num(t.SpeedKMH), Text: fmt.Sprintf(
		"%.0f km from %s to %s in %.1f h since the previous geolocated use (%.0f km/h)",
		t.KM, t.FromCountry, t.ToCountry, t.Hours, t.SpeedKMH)}}
}

// buildFacts: the secrets a build read against the workload's earlier builds.
func buildFacts(b *detect.BuildFacts) []Fact {
	if b == nil {
		return nil
	}
	read := Fact{Name: "build.secrets", Observed: num(b.SecretsRead), Text: fmt.Sprintf(
		"build %s of %s read %s; the workload declares %d", b.ID, b.Workload, plural(b.SecretsRead, "distinct secret"), b.Declared)}
	if b.HistoryBuilds > 0 {
		read.Baseline = num(b.HistoryMax)
		read.Text += fmt.Sprintf("; its %s read at most %d", plural(b.HistoryBuilds, "earlier build"), b.HistoryMax)
		if b.SecretsRead > b.HistoryMax {
			read.Marker = markerAbove
		}
	}
	facts := []Fact{read}
	if b.Foreign {
		facts = append(facts, Fact{Name: "build.foreign", Marker: markerUnseen, Observed: num(b.ForeignSecrets),
			Text: fmt.Sprintf("the secret belongs to another workload (%s of other workloads read)",
				plural(b.ForeignSecrets, "secret"))})
	}
	return facts
}

func scopeFacts(s *detect.ScopeFacts) []Fact {
	if s == nil {
		return nil
	}
	return []Fact{{Name: "scopes.added", Observed: num(len(s.Added)), Baseline: num(len(s.Previous)),
		Text: fmt.Sprintf("scopes added: %s (it had %s)", orNone(s.Added), orNone(s.Previous))}}
}

// sequenceFacts: the earlier steps of attack sequences this event completes.
func sequenceFacts(q detect.SequenceFacts) []Fact {
	var facts []Fact
	for _, s := range []struct {
		name, what string
		step       *detect.Step
	}{{"sequence.leak_reported", "a leak of it was reported", q.LeakReported}, {"sequence.minted", "it was created", q.Minted},
		{"sequence.scopes_added", "its scopes were widened", q.ScopesAdded}, {"sequence.revoked", "a token was revoked", q.Revoked},
		{"sequence.duplicated", "a Space was duplicated", q.Duplicated},
		{"sequence.credential_revoked", "it was revoked", q.CredentialRevoked}} {
		if s.step == nil {
			continue
		}
		text := fmt.Sprintf("%s %.1f minutes earlier (event %s", s.what, s.step.MinutesAgo, s.step.EventID)
		if s.step.ASN != 0 {
			text += fmt.Sprintf(", from AS%d", s.step.ASN)
		}
		facts = append(facts, Fact{Name: s.name, Marker: markerSequence, Observed: num(s.step.MinutesAgo), Text: text + ")"})
	}
	if u := q.UsedBeforeReport; u != nil {
		facts = append(facts, usedBeforeReportFact(u))
	}
	return facts
}

// usedBeforeReportFact: on a leak report, the uses since the leak that came
// before it.
func usedBeforeReportFact(u *detect.UsedBeforeReport) Fact {
	nets := make([]string, len(u.ASNs))
	for i, n := range u.ASNs {
		nets[i] = fmt.Sprintf("AS%d", n)
	}
	text := fmt.Sprintf("it was used %.1f minutes after the leak (last at %s), before this report; networks since the leak: %s",
		u.MinutesAfterLeak, u.LastUse.UTC().Format(time.RFC3339), orNone(nets))
	if len(u.Countries) > 0 {
		text += "; countries: " + strings.Join(u.Countries, ", ")
	}
	return Fact{Name: "sequence.used_before_report", Marker: markerSequence, Observed: num(u.MinutesAfterLeak), Text: text}
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}
