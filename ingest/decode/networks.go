package decode

import (
	"net/netip"

	"github.com/credwatch/credwatch/event"
)

// addNetwork names the autonomous system of a source that has a public
// address and no AS (most vendors' events name none): its number and, when
// the source names no organisation, the AS's.
func addNetwork(n Networks, src *event.Source) {
	if src.ASN != 0 || src.IP == "" || src.Internal {
		return
	}
	addr, err := netip.ParseAddr(src.IP)
	if err != nil {
		return
	}
	if asn, org, ok := n.Lookup(addr); ok {
		src.ASN = asn
		if src.ASOrg == "" {
			src.ASOrg = org
		}
	}
}
