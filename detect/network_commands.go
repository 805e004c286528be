package detect

import (
	"net/netip"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// instanceCommandHorizon is how long a command run on an EC2 instance keeps
// the instance's credentials suspect on the commander's network: the role
// credentials its metadata service hands out live up to 12 hours.
const instanceCommandHorizon = 12 * time.Hour

// instanceCommand is the newest command run on one instance from one
// network (a SendCommand, a session, an SSH key pushed): whoever ran it
// could read the instance's role credentials there.
type instanceCommand struct {
	at                   time.Time
	eventID, actor, addr string
	asn                  uint32
}

// observeInstanceCommand remembers, per tenant, instance and network, the
// newest successful call that reached an instance (attrs
// aws.commanded_instances) from a public address. The commander and the
// instance's credentials are keyed to different partitions, so this lives
// in the shared Networks.
func (n *Networks) observeInstanceCommand(ev *event.Event) {
	ids := ev.Attrs["aws.commanded_instances"]
	if ids == "" || ev.Tenant == "" || ev.Outcome != "success" {
		return
	}
	network, ok := addressNetwork(ev.Source.IP)
	if !ok {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	t := n.tenantOf(ev)
	if t.commands == nil {
		t.commands = map[instanceOn]instanceCommand{}
	}
	for k, c := range t.commands { // commands are rare: the table stays small
		if ev.Time.Sub(c.at) > instanceCommandHorizon {
			delete(t.commands, k)
		}
	}
	for id := range strings.SplitSeq(ids, ",") {
		k := commandKey(id, network)
		if c, ok := t.commands[k]; !ok || ev.Time.After(c.at) {
			t.commands[k] = instanceCommand{at: ev.Time, eventID: ev.ID, actor: ev.Actor.ID, addr: ev.Source.IP, asn: ev.Source.ASN}
		}
	}
}

// instanceCommand is the newest command run on instance, in tenant, from
// network, within instanceCommandHorizon before at.
func (n *Networks) instanceCommand(tenant, instance string, network netip.Prefix, at time.Time) (instanceCommand, bool) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	t := n.tenants[tenant]
	if t == nil {
		return instanceCommand{}, false
	}
	c, ok := t.commands[commandKey(instance, network)]
	return c, ok && follows(c.at, at, instanceCommandHorizon)
}

// instanceOn is an instance (its id compared without case: samples
// anonymise ids in mixed case) on a network: a comparable map key that
// costs no formatting on the instance's every call.
type instanceOn struct {
	instance string
	network  netip.Prefix
}

func commandKey(instance string, network netip.Prefix) instanceOn {
	return instanceOn{strings.ToLower(instance), network}
}

// addressNetwork is the network of a public address: its /24, or its /64
// for IPv6 (one host's privacy addresses). A private address (a VPC
// endpoint's) is no network of anyone's in particular.
func addressNetwork(s string) (netip.Prefix, bool) { return publicNetwork(s, 24, 64) }
