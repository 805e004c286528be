package decode

import (
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// v1 maps a credwatch contract v1 object.
func (r *reader) v1(v *fastjson.Value) event.Event {
	l := r.limits
	ev := event.Event{
		Format:    event.FormatV1,
		ID:        r.required(v, "id", "id", l.MaxID),
		Time:      r.timestamp(v, "time", "time", true),
		Action:    r.required(v, "action", "action", l.MaxString),
		Outcome:   r.enum(v, "outcome", "outcome", event.Outcomes),
		Tenant:    r.required(v, "tenant", "tenant", l.MaxString),
		SessionID: r.str(v, "session_id", "session_id", l.MaxString),
		RequestID: r.str(v, "request_id", "request_id", l.MaxString),
	}
	if ev.Outcome == "" {
		ev.Outcome = "success"
	}
	ev.Actor = r.actor(v)
	ev.Token = r.token(r.obj(v, "token", "token"))
	ev.Secret = r.secret(r.obj(v, "secret", "secret"))
	ev.Resource = r.resource(r.obj(v, "resource", "resource"))
	ev.Source = r.source(r.obj(v, "source", "source"))
	ev.Workload = r.workload(r.obj(v, "workload", "workload"))
	ev.Attrs = r.attrs(r.obj(v, "attrs", "attrs"), "attrs")
	return ev
}

func (r *reader) actor(v *fastjson.Value) event.Actor {
	a := r.obj(v, "actor", "actor")
	if a == nil {
		r.fail(fieldErr("actor", ReasonMissing, "is required"))
		return event.Actor{}
	}
	return event.Actor{
		ID:      r.required(a, "id", "actor.id", r.limits.MaxString),
		Type:    r.enum(a, "type", "actor.type", event.ActorTypes),
		Tenants: r.strList(a, "tenants", "actor.tenants"),
	}
}

func (r *reader) token(t *fastjson.Value) event.Token {
	n := r.limits.MaxString
	return event.Token{
		ID:        r.str(t, "id", "token.id", n),
		Kind:      r.enum(t, "kind", "token.kind", event.TokenKinds),
		Scopes:    r.strList(t, "scopes", "token.scopes"),
		Owner:     r.str(t, "owner", "token.owner", n),
		Tenant:    r.str(t, "tenant", "token.tenant", n),
		Workload:  r.str(t, "workload", "token.workload", n),
		CreatedAt: r.timestamp(t, "created_at", "token.created_at", false),
	}
}

func (r *reader) secret(s *fastjson.Value) event.Secret {
	n := r.limits.MaxString
	return event.Secret{
		ID:       r.str(s, "id", "secret.id", n),
		Name:     r.str(s, "name", "secret.name", n),
		Tenant:   r.str(s, "tenant", "secret.tenant", n),
		Workload: r.str(s, "workload", "secret.workload", n),
	}
}

func (r *reader) resource(s *fastjson.Value) event.Resource {
	return event.Resource{
		Type:       r.enum(s, "type", "resource.type", event.ResourceType),
		ID:         r.str(s, "id", "resource.id", r.limits.MaxString),
		Visibility: r.enum(s, "visibility", "resource.visibility", event.Visibilities),
	}
}

func (r *reader) source(s *fastjson.Value) event.Source {
	src := event.Source{
		IP:        r.ip(s, "ip", "source.ip"),
		ASN:       r.uint32Field(s, "asn", "source.asn"),
		ASOrg:     r.str(s, "as_org", "source.as_org", r.limits.MaxString),
		Country:   r.country(s, "country", "source.country"),
		UserAgent: r.str(s, "user_agent", "source.user_agent", r.limits.MaxText),
		Internal:  r.boolean(s, "internal", "source.internal"),
	}
	src.Lat, src.Lon, src.HasGeo = r.coordinates(s, "lat", "lon", "source")
	return src
}

func (r *reader) workload(w *fastjson.Value) event.Workload {
	return event.Workload{
		ID:      r.str(w, "id", "workload.id", r.limits.MaxString),
		BuildID: r.str(w, "build_id", "workload.build_id", r.limits.MaxString),
		Phase:   r.enum(w, "phase", "workload.phase", event.Phases),
	}
}

// country reads an ISO 3166-1 alpha-2 code (upper-cased). A lenient reader
// also maps country names and alpha-3 codes ("United States", "USA").
func (r *reader) country(v *fastjson.Value, key, path string) string {
	max := 8
	if r.lenient {
		max = r.limits.MaxString
	}
	s := r.str(v, key, path, max)
	switch {
	case s == "":
		return ""
	case len(s) == 2 && isAlpha(s[0]) && isAlpha(s[1]):
		return string([]byte{upper(s[0]), upper(s[1])})
	case r.lenient:
		if code, ok := countryCode(s); ok {
			r.warn(path, ReasonNormalised)
			return code
		}
	}
	r.fail(fieldErr(path, ReasonInvalid, "%q is not an ISO 3166-1 alpha-2 code", s))
	return ""
}

func isAlpha(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }
func upper(c byte) byte   { return c &^ 0x20 }

// attrs reads a flat object of string values.
func (r *reader) attrs(o *fastjson.Value, path string) map[string]string {
	if o == nil {
		return nil
	}
	obj, _ := o.Object()
	if obj.Len() > r.limits.MaxAttrs {
		r.fail(fieldErr(path, ReasonTooLong, "has %d keys, limit %d", obj.Len(), r.limits.MaxAttrs))
		return nil
	}
	out := make(map[string]string, obj.Len())
	obj.Visit(func(k []byte, val *fastjson.Value) {
		key := string(k)
		p := path + "." + key
		if !utf8.ValidString(key) {
			r.fail(fieldErr(path, ReasonInvalid, "a key is not valid UTF-8"))
			return
		}
		if len(key) > r.limits.MaxString {
			r.fail(fieldErr(path, ReasonTooLong, "a key is %d bytes, limit %d", len(key), r.limits.MaxString))
			return
		}
		out[key] = r.strValue(val, p, r.limits.MaxText)
	})
	return out
}
