package decode

import (
	"net/netip"
	"testing"
)

// FuzzIPv4IsCanonical: ip keeps a parsed IPv4 address as written, which
// holds only if every dotted quad netip accepts is already canonical.
func FuzzIPv4IsCanonical(f *testing.F) {
	for _, s := range []string{"10.1.2.3", "0.0.0.0", "255.255.255.255", "010.1.2.3", "1.2.3", "1.2.3.4.5",
		"::ffff:10.1.2.3", "1.2.3.4%eth0", " 1.2.3.4", "1.2.3.04", "١.2.3.4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, err := netip.ParseAddr(s); err == nil && a.Is4() && a.String() != s {
			t.Errorf("%q parses as IPv4 %s", s, a)
		}
	})
}
