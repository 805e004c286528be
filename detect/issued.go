package detect

import (
	"net/netip"

	"github.com/credwatch/credwatch/event"
)

// IssuedFacts are where the event's token was issued, where its vendor
// says (Azure's ipaddr claim, attrs azure.token_ip), against where it is
// used: a bearer token replayed from another network than the one it was
// issued to is a stolen token's mark.
type IssuedFacts struct {
	IP      string `json:"ip"`
	Network string `json:"network"` // its prefix: a /16 for IPv4, a /32 for IPv6 (as keyNetwork keys networks)
	// Elsewhere: both addresses are public, of one family (a dual-stack
	// client issued over IPv4 and calling over IPv6 proves nothing), and
	// in different networks.
	Elsewhere bool `json:"elsewhere"`
}

// issuedIPAttrs are the attributes that carry a token's issue address.
var issuedIPAttrs = []string{"azure.token_ip"}

// issuedFacts are ev's IssuedFacts, nil when its vendor does not say.
func issuedFacts(ev *event.Event) *IssuedFacts {
	for _, key := range issuedIPAttrs {
		issued, ok := publicPrefix(ev.Attrs[key])
		if !ok {
			continue
		}
		f := &IssuedFacts{IP: ev.Attrs[key], Network: issued.String()}
		used, ok := publicPrefix(ev.Source.IP)
		f.Elsewhere = ok && used.Addr().Is4() == issued.Addr().Is4() && used != issued
		return f
	}
	return nil
}

// publicPrefix is the network of a public address (see keyNetwork): its
// /16, or /32 for IPv6; ok is false for anything else.
func publicPrefix(s string) (netip.Prefix, bool) { return publicNetwork(s, 16, 32) }

// publicNetwork is the /v4 (IPv4) or /v6 (IPv6) network of a public
// address; ok is false for a private or special address, or no address.
func publicNetwork(s string, v4, v6 int) (netip.Prefix, bool) {
	ip, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Prefix{}, false
	}
	ip = ip.Unmap()
	if !ip.IsGlobalUnicast() || ip.IsPrivate() {
		return netip.Prefix{}, false
	}
	bits := v4
	if ip.Is6() {
		bits = v6
	}
	p, _ := ip.Prefix(bits)
	return p, true
}
