package detect

import (
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/credwatch/credwatch/event"
)

// Networks without an ASN. Most vendors' records (CloudTrail, Vault,
// GitHub, Kubernetes audit) carry the caller's IP and no ASN; without one,
// no network baseline (first seen, minted elsewhere, shared networks) could
// judge them. Such an event's network is keyed by its IP's prefix, a /16 for
// IPv4 and a /32 for IPv6 (about what one ISP or hosting block holds), as an
// ASN of the private-use range (RFC 6996), which no public network has.
const (
	prefixASNBase  = 4_200_000_000
	prefixASNCount = 94_967_294
)

// keyNetwork gives ev a network when it names none: the private-use ASN of
// its public IP's prefix, labelled "IP network <prefix>" in as_org; without
// an IP, that of its country ("country <code>"), the only place some
// vendors give (GitHub's audit log unless the organisation discloses IPs);
// through another account's VPC endpoint (attrs.aws.vpc_endpoint_account),
// that account's ("VPC endpoint of account <id>"). An event with an ASN, with neither IP nor country, or from a private,
// loopback or link-local address is left as it is. It is idempotent.
func keyNetwork(ev *event.Event) {
	if ev.Source.ASN != 0 {
		return
	}
	if account := ev.Attrs["aws.vpc_endpoint_account"]; account != "" {
		setPrefixASN(ev, "VPC endpoint of account "+account) // another account's network
		return
	}
	if ev.Source.IP == "" {
		if len(ev.Source.Country) == 2 && !ev.Source.Internal {
			setPrefixASN(ev, "country "+ev.Source.Country)
		}
		return
	}
	if prefix, ok := publicPrefix(ev.Source.IP); ok {
		setPrefixASN(ev, "IP network "+prefix.String())
	}
}

// setPrefixASN keys ev's network by name, as a private-use ASN.
func setPrefixASN(ev *event.Event, name string) {
	h := fnv.New32a()
	_, _ = h.Write([]byte(name))
	ev.Source.ASN = prefixASNBase + h.Sum32()%prefixASNCount
	if ev.Source.ASOrg == "" {
		ev.Source.ASOrg = name
	}
}

// isKeyedASN reports a private-use ASN keyNetwork gave a network.
func isKeyedASN(asn uint32) bool {
	return asn >= prefixASNBase && asn < prefixASNBase+prefixASNCount
}

// namedNetwork rewrites a rule's reason for people: a network credwatch
// keyed itself (see keyNetwork) is named, not numbered ("AS4287974504 (IP
// network 185.220.0.0/16)" reads "IP network 185.220.0.0/16"); an AS
// whose organisation is unknown loses its empty "()". Real AS numbers stay
// as the rule wrote them.
func namedNetwork(reason string, s *event.Source) string {
	if s.ASN == 0 {
		return reason
	}
	as := "AS" + strconv.FormatUint(uint64(s.ASN), 10)
	if isKeyedASN(s.ASN) && s.ASOrg != "" {
		for _, form := range []string{as + " (" + s.ASOrg + ")", as + " " + s.ASOrg, as} {
			reason = strings.ReplaceAll(reason, form, s.ASOrg)
		}
		return reason
	}
	return strings.NewReplacer(as+" ()", as, as+" )", as+")", as+" ,", as+",").Replace(reason)
}
