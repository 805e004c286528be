package decode

import (
	"net/netip"
	"slices"
	"strings"

	"github.com/credwatch/credwatch/event"
)

// source maps the caller's address and user agent. An AWS service calling
// on a principal's behalf appears as its host name ("ssm.amazonaws.com",
// "AWS Internal"): no address, source.internal, and attrs aws.source. A
// private address (a VPC's, through a VPC endpoint) is internal too.
func (c ctRecord) source(ev *event.Event) {
	ev.Source.UserAgent = c.r.str(c.v, "userAgent", c.at+"userAgent", c.r.limits.MaxText)
	s := c.str(c.v, "sourceIPAddress", "sourceIPAddress")
	switch a, err := netip.ParseAddr(s); {
	case s == "":
	case err == nil:
		ev.Source.IP = a.Unmap().String()
		ev.Source.Internal = privateSource(ev.Source.IP) // a call from inside a VPC, through an endpoint
	case isAWSHost(s):
		ev.Source.Internal = true
		setAttr(ev, "aws.source", s)
	default:
		ev.Source.IP = c.r.lenientIP(s, c.at+"sourceIPAddress")
	}
}

// isAWSHost reports the names CloudTrail writes for AWS itself as a source.
func isAWSHost(s string) bool {
	s = strings.ToLower(s)
	return s == "aws internal" || strings.HasSuffix(s, ".amazonaws.com") || strings.HasSuffix(s, ".amazonaws.com.cn")
}

// vpcEndpoint marks a call through another account's VPC endpoint
// (vpcEndpointAccountId, not the caller's nor the recipient's account): a
// key used from someone else's network, whose private address says
// nothing. It is not internal, and attrs.aws.vpc_endpoint_account names
// that network.
func (c ctRecord) vpcEndpoint(ev *event.Event) {
	account := c.str(c.v, "vpcEndpointAccountId", "vpcEndpointAccountId")
	if account == "" || account == ev.Tenant || slices.Contains(ev.Actor.Tenants, account) {
		return
	}
	setAttr(ev, "aws.vpc_endpoint_account", account)
	ev.Source.Internal = false
}
