package decode

import (
	"net/netip"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// k8sIssued is the token a TokenRequest minted: its credential id from the
// issued-credential-id annotation (authentication.kubernetes.io since
// Kubernetes 1.30, authentication.k8s.io before), owned by the service
// account, bound to the pod requestObject.spec.boundObjectRef names (logged
// at the Request level and above). The token itself, in
// responseObject.status.token, is never read.
func (r *reader) k8sIssued(v *fastjson.Value, t k8sTarget, ev *event.Event) event.Token {
	n := r.limits.MaxString
	ann := t.annotations
	tok := event.Token{ID: firstNonEmpty(
		r.str(ann, "authentication.kubernetes.io/issued-credential-id", "annotations.authentication.kubernetes.io/issued-credential-id", n),
		r.str(ann, "authentication.k8s.io/issued-credential-id", "annotations.authentication.k8s.io/issued-credential-id", n))}
	if t.namespace != "" && t.name != "" {
		tok.Owner = "system:serviceaccount:" + t.namespace + ":" + t.name
	}
	bound := r.objPath(v, "requestObject.spec.boundObjectRef")
	if kind := r.str(bound, "kind", "requestObject.spec.boundObjectRef.kind", n); strings.EqualFold(kind, "Pod") {
		if pod := r.str(bound, "name", "requestObject.spec.boundObjectRef.name", n); pod != "" && t.namespace != "" {
			tok.Workload = "pod:" + t.namespace + "/" + pod
		}
	}
	if tok.ID != "" && ev.Outcome == "success" {
		tok.CreatedAt = ev.Time
	}
	return tok
}

// k8sReviewed is the token a TokenReview checked, as its response names it
// (RequestResponse level): the reviewed user's credential id, name and the
// pod its token is bound to. The token under review, in
// requestObject.spec.token and responseObject.spec.token, is never read.
func (r *reader) k8sReviewed(v *fastjson.Value) event.Token {
	const path = "responseObject.status.user"
	u := r.objPath(v, path)
	extra := r.obj(u, "extra", path+".extra")
	tok := event.Token{ID: r.extra(extra, k8sCredentialID, path+".extra")}
	if tok.ID == "" {
		return event.Token{}
	}
	tok.Owner = r.str(u, "username", path+".username", r.limits.MaxString)
	if ns, _, ok := serviceAccount(tok.Owner); ok {
		if pod := r.extra(extra, k8sPodName, path+".extra"); pod != "" {
			tok.Workload = "pod:" + ns + "/" + pod
		}
	}
	return tok
}

// k8sSource: sourceIPs[0] (the X-Forwarded-For origin when a proxy set it,
// else the connection's address), the whole list in k8s.source_ips when it
// has more (all but the last can be set by the client), and the user agent.
// A private first address is internal only when no later one is public:
// otherwise the later, public one is the source.
func (r *reader) k8sSource(ev *event.Event, v *fastjson.Value) {
	ips := r.strList(v, "sourceIPs", "sourceIPs")
	if len(ips) > 0 {
		ev.Source.IP = r.ipText(ips[0], "sourceIPs[0]")
	}
	if len(ips) > 1 {
		setAttr(ev, "k8s.source_ips", joinBounded(ips, r.limits.MaxText))
	}
	ev.Source.Internal = privateSource(ev.Source.IP)
	if public := firstPublic(ips[min(len(ips), 1):]); ev.Source.Internal && public != "" {
		// A private first address beside a public one: X-Forwarded-For is
		// the client's to write, the connection's address is not.
		ev.Source.IP, ev.Source.Internal = public, false
	}
	ev.Source.UserAgent = r.str(v, "userAgent", "userAgent", r.limits.MaxText)
}

// firstPublic is the first address of ips that is not private, "" if none.
func firstPublic(ips []string) string {
	for _, ip := range ips {
		if a, err := netip.ParseAddr(ip); err == nil && !privateAddr(a) {
			return a.Unmap().String()
		}
	}
	return ""
}

// ipText parses an address read from a list, as reader.ip does a field.
func (r *reader) ipText(s, path string) string {
	switch {
	case s == "":
		return ""
	case isPlaceholder(s):
		r.warn(path, ReasonPlaceholder)
		return ""
	}
	if a, err := netip.ParseAddr(s); err == nil {
		return a.Unmap().String()
	}
	return r.lenientIP(s, path)
}

// privateSource reports a loopback, private (RFC 1918, RFC 4193) or
// link-local address: a request from inside the cluster's or Vault's own
// network, which is what source.internal means for these sources (a token
// bound to a pod is expected to be used from there).
func privateSource(ip string) bool {
	a, err := netip.ParseAddr(ip)
	return err == nil && privateAddr(a)
}

// privateAddr is privateSource for a parsed address.
func privateAddr(a netip.Addr) bool {
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast()
}
