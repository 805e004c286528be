package decode

import (
	"net/netip"

	"github.com/credwatch/credwatch/event"
)

// callerAddress maps a cloud vendor's caller address onto ev's source: an
// IP (a private one is internal); an address in 0.0.0.0/8 (Google's own
// services) or a word the vendor writes for itself instead of an address
// (isName: GCP's "private", an Azure service's name) is internal, with no
// address and the value in attrs[attr]; anything else is made an address
// leniently (a port, leading zeros) or blanked with a warning.
func (r *reader) callerAddress(ev *event.Event, ip, path, attr string, isName func(string) bool) {
	a, err := netip.ParseAddr(ip)
	a = a.Unmap()
	switch {
	case ip == "":
	case err == nil && a.Is4() && a.As4()[0] == 0, err != nil && isName(ip):
		ev.Source.Internal = true
		setAttr(ev, attr, ip)
	case err == nil:
		ev.Source.IP = a.String()
		ev.Source.Internal = privateAddr(a)
	default:
		ev.Source.IP = r.lenientIP(ip, path)
	}
}
