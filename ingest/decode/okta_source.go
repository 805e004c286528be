package decode

import (
	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// oktaSource: the client's address (client.ipAddress, else the first hop
// of request.ipChain), its AS and organisation (securityContext), whether
// Okta took it for a proxy or anonymiser (attrs.okta.proxy), its country
// and coordinates (client.geographicalContext), the user agent, the
// network zone and the device kind.
func (r *reader) oktaSource(v *fastjson.Value, ev *event.Event) {
	n := r.limits.MaxString
	c := r.obj(v, "client", "client")
	if ip := r.str(c, "ipAddress", "client.ipAddress", 64); ip != "" {
		r.callerAddress(ev, ip, "client.ipAddress", "okta.client", func(string) bool { return false })
	} else if hop := r.oktaFirstHop(v); hop != nil {
		r.callerAddress(ev, r.str(hop, "ip", "request.ipChain[0].ip", 64), "request.ipChain[0].ip", "okta.client", func(string) bool { return false })
	}
	if ua := r.obj(c, "userAgent", "client.userAgent"); ua != nil {
		ev.Source.UserAgent = r.str(ua, "rawUserAgent", "client.userAgent.rawUserAgent", r.limits.MaxText)
	}
	setAttr(ev, "okta.zone", r.oktaWord(c, "zone", "client.zone"))
	setAttr(ev, "okta.device", r.str(c, "device", "client.device", n))
	sc := r.obj(v, "securityContext", "securityContext")
	if sc != nil {
		ev.Source.ASN = r.wholeOrText(sc, "asNumber", "securityContext.asNumber")
		ev.Source.ASOrg = r.str(sc, "asOrg", "securityContext.asOrg", n)
		setAttr(ev, "okta.isp", r.str(sc, "isp", "securityContext.isp", n))
		if r.boolean(sc, "isProxy", "securityContext.isProxy") {
			setAttr(ev, "okta.proxy", "true")
		}
	}
	r.oktaPlace(r.obj(c, "geographicalContext", "client.geographicalContext"), "client.geographicalContext", ev)
}

// oktaFirstHop is request.ipChain[0], the client as Okta first saw it.
func (r *reader) oktaFirstHop(v *fastjson.Value) *fastjson.Value {
	req := r.obj(v, "request", "request")
	if req == nil {
		return nil
	}
	chain := req.Get("ipChain")
	if chain == nil || chain.Type() != fastjson.TypeArray || len(chain.GetArray()) == 0 {
		return nil
	}
	return r.obj(chain, "0", "request.ipChain[0]")
}

// oktaPlace maps a geographicalContext: the country, which Okta writes by
// name ("United States"), and geolocation's lat and lon.
func (r *reader) oktaPlace(g *fastjson.Value, path string, ev *event.Event) {
	if g == nil {
		return
	}
	ev.Source.Country = r.countryName(g, "country", path+".country")
	ev.Source.Lat, ev.Source.Lon, ev.Source.HasGeo = r.coordinates(r.obj(g, "geolocation", path+".geolocation"), "lat", "lon", path+".geolocation")
}

// oktaWord reads an optional string in which Okta writes its words for no
// value ("null" for no network zone, "unknown") as a matter of course:
// those are none, with no warning.
func (r *reader) oktaWord(o *fastjson.Value, key, path string) string {
	if o != nil && oktaKnown(string(o.GetStringBytes(key))) == "" {
		return ""
	}
	return r.str(o, key, path, r.limits.MaxString)
}
