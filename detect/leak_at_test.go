package detect_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestReportNamingAnEarlierLeakRaisesUsesSinceIt: a report made at 12:00 of
// a token that its attrs.leaked_at says leaked at 09:00 raises the uses
// since 09:00 that came before it, in time order as a backtest sees them,
// whoever used it and from where; uses before the leak do not count, and a
// leaked_at that is malformed, after the report or beyond the leak horizon
// falls back to the report's time.
func TestReportNamingAnEarlierLeakRaisesUsesSinceIt(t *testing.T) {
	report := leakAt.Add(3 * time.Hour)
	for _, c := range []struct {
		name, leakedAt string
		uses           []time.Duration // after leakAt
		asn            uint32
		raised         bool
		minutes        float64
	}{
		{"two uses after the leak", leakAt.Format(time.RFC3339), []time.Duration{65 * time.Minute, 150 * time.Minute}, 14061, true, 150},
		{"one use, leak in another zone", leakAt.In(time.FixedZone("", 5*3600+1800)).Format(time.RFC3339Nano), []time.Duration{time.Hour}, 9009, true, 60},
		{"use before the leak", leakAt.Add(2 * time.Hour).Format(time.RFC3339), []time.Duration{time.Hour}, 14061, false, 0},
		{"lower-case t and z", strings.ToLower(leakAt.Format(time.RFC3339)), []time.Duration{2 * time.Hour}, 9009, true, 120},
		{"space for T, with an offset", leakAt.In(time.FixedZone("", -4*3600)).Format("2006-01-02 15:04:05-07:00"), []time.Duration{time.Hour}, 14061, true, 60},
		{"no leaked_at", "", []time.Duration{time.Hour}, 14061, false, 0},
		{"malformed", "yesterday", []time.Duration{time.Hour}, 14061, false, 0},
		{"after the report", report.Add(time.Hour).Format(time.RFC3339), []time.Duration{time.Hour}, 14061, false, 0},
		{"beyond the horizon", leakAt.Add(-40 * 24 * time.Hour).Format(time.RFC3339), []time.Duration{time.Hour}, 14061, false, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			evs := history("tok")
			for i, d := range c.uses {
				evs = append(evs, abuseOf("abuse"+string(rune('a'+i)), "tok", "acme", "mallory", leakAt.Add(d), c.asn))
			}
			r := leakReport("R", "tok", "acme", "hub-scanner", "unknown", report)
			if c.leakedAt != "" {
				r.Attrs = map[string]string{"leaked_at": c.leakedAt}
			}
			a := rulesOf(run(t, newEngine(t), append(evs, r)))["leaked_token_used"]
			if !c.raised {
				require.Nil(t, a)
				return
			}
			require.NotNil(t, a)
			require.Equal(t, []string{"R"}, a.EventIDs)
			prior := a.Explanation.Baseline.Sequence.UsedBeforeReport
			require.InDelta(t, c.minutes, prior.MinutesAfterLeak, 0.1)
			require.Equal(t, []uint32{c.asn}, prior.ASNs)
		})
	}
}
