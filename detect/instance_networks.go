package detect

import (
	"github.com/credwatch/credwatch/event"
)

// instanceNetwork is when an EC2 instance's credentials first and last
// succeeded from one network (minutes, as stat.last).
type instanceNetwork struct{ first, last int32 }

// observeInstanceNetwork learns the networks (/24, /64) each EC2 instance's
// own credentials succeed from. An instance's role is its token's owner,
// so one partition holds all its uses.
func (b *Baselines) observeInstanceNetwork(ev *event.Event) {
	instance := ev.Attrs["aws.ec2_instance"]
	if instance == "" || ev.Outcome != "success" {
		return
	}
	network, ok := addressNetwork(ev.Source.IP)
	if !ok {
		return
	}
	k, m := commandKey(instance, network), minuteOf(ev.Time)
	n, seen := b.instanceNets[k]
	if !seen || m < n.first {
		n.first = m
	}
	n.last = max(n.last, m)
	b.instanceNets[k] = n
}

// instanceCommanded is the command run on ev's instance from ev's network
// (Networks.instanceCommand) as a first step, unless the instance's own
// credentials had succeeded from that network before the command:
// instances behind the NAT gateway a bastion or CI runner in their VPC
// shares call AWS from the commander's address every day (the SSM agent
// itself does, before any command can reach it).
func (b *Baselines) instanceCommanded(ev *event.Event) *Step {
	instance := ev.Attrs["aws.ec2_instance"]
	if instance == "" {
		return nil
	}
	network, ok := addressNetwork(ev.Source.IP)
	if !ok {
		return nil
	}
	c, ok := b.networks.instanceCommand(ev.Tenant, instance, network, ev.Time)
	if !ok {
		return nil
	}
	if n, ok := b.instanceNets[commandKey(instance, network)]; ok && n.first < minuteOf(c.at) {
		return nil
	}
	return &Step{EventID: c.eventID, MinutesAgo: round1(ev.Time.Sub(c.at).Minutes()), ASN: c.asn,
		Subject: instance, Actor: c.actor, IP: c.addr}
}

// sweepInstanceNetworks forgets networks unused since forget (minutes).
func (b *Baselines) sweepInstanceNetworks(forget int32) {
	for k, n := range b.instanceNets {
		if n.last < forget {
			delete(b.instanceNets, k)
		}
	}
}
