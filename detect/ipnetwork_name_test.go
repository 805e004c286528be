package detect

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestNamedNetwork: a network credwatch keyed itself is named in reasons,
// whatever form the rule wrote it in; a real AS keeps its number and loses
// an empty organisation's "()".
func TestNamedNetwork(t *testing.T) {
	keyed := event.Source{IP: "185.220.101.4"}
	ev := event.Event{Source: keyed}
	keyNetwork(&ev)
	as := "AS" + strconv.FormatUint(uint64(ev.Source.ASN), 10)
	for _, c := range []struct {
		reason string
		src    event.Source
		want   string
	}{
		{as + " (IP network 185.220.0.0/16) never seen for this credential in 9 days of history", ev.Source,
			"IP network 185.220.0.0/16 never seen for this credential in 9 days of history"},
		{"used after 40 idle days (12 uses before, " + as + " IP network 185.220.0.0/16)", ev.Source,
			"used after 40 idle days (12 uses before, IP network 185.220.0.0/16)"},
		{"still accepted (token.use) 3 min after it was revoked, from " + as, ev.Source,
			"still accepted (token.use) 3 min after it was revoked, from IP network 185.220.0.0/16"},
		{"first use of this credential, from AS205100 (), a network its owner never used", event.Source{ASN: 205100},
			"first use of this credential, from AS205100, a network its owner never used"},
		{"used after 40 idle days (12 uses before, AS205100 )", event.Source{ASN: 205100}, "used after 40 idle days (12 uses before, AS205100)"},
		{"created from AS7922, used 4 min later from AS205100 (f3 netze)", event.Source{ASN: 205100, ASOrg: "f3 netze"},
			"created from AS7922, used 4 min later from AS205100 (f3 netze)"},
		{"no network at all", event.Source{}, "no network at all"},
	} {
		require.Equal(t, c.want, namedNetwork(c.reason, &c.src))
	}
}
