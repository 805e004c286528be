package console

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
)

// A leak report that raised the uses before it explains them: how long after
// the leak, when, and from which networks and countries.
func TestExplanationShowsUsesBeforeALeakReport(t *testing.T) {
	last := time.Date(2026, 10, 11, 10, 0, 0, 0, time.UTC)
	facts := sequenceFacts(detect.SequenceFacts{UsedBeforeReport: &detect.UsedBeforeReport{
		MinutesAfterLeak: 60, LastUse: last, ASN: 9009, ASNs: []uint32{9009, 14061}, Countries: []string{"NL", "US"}}})
	require.Len(t, facts, 1)
	f := facts[0]
	require.Equal(t, "sequence.used_before_report", f.Name)
	require.Equal(t, markerSequence, f.Marker)
	require.Equal(t, 60.0, *f.Observed)
	require.Equal(t, "it was used 60.0 minutes after the leak (last at 2026-10-11T10:00:00Z), before this report; "+
		"networks since the leak: AS9009, AS14061; countries: NL, US", f.Text)

	bare := sequenceFacts(detect.SequenceFacts{LeakReported: &detect.Step{EventID: "leak-0", MinutesAgo: 2},
		UsedBeforeReport: &detect.UsedBeforeReport{MinutesAfterLeak: 0.5, LastUse: last.In(time.FixedZone("x", 3600))}})
	require.Len(t, bare, 2, "an earlier report and the uses before this one")
	require.Equal(t, "it was used 0.5 minutes after the leak (last at 2026-10-11T10:00:00Z), before this report; "+
		"networks since the leak: none", bare[1].Text)
}
