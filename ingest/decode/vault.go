package decode

import (
	"bytes"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// vault maps one HashiCorp Vault audit device entry (a file or socket JSON
// line); docs/input/vault.md documents the mapping. A "request" entry is
// skipped: the "response" entry with the same request id follows it and
// carries the outcome. So are both KMIP entries ("kmip-request",
// "kmip-response"): a TLS client certificate, not a token, authenticates
// a KMIP client, so they name no token or actor. Response data, request data and error texts may hold
// secret material (wrapped tokens, or plaintext under log_raw) and are never
// copied; only the presence of an error is read.
func (r *reader) vault(v *fastjson.Value) event.Event {
	switch r.required(v, "type", "type", r.limits.MaxString) {
	case "request", "kmip-request", "kmip-response":
		r.skip()
		return event.Event{Format: event.FormatVault}
	case "response", "":
	default:
		r.reject(fieldErr("type", ReasonInvalid, "must be request or response"))
	}
	req := r.obj(v, "request", "request")
	ns := r.str(r.obj(req, "namespace", "request.namespace"), "path", "request.namespace.path", r.limits.MaxString)
	ev := event.Event{
		Format:  event.FormatVault,
		ID:      r.str(req, "id", "request.id", r.limits.MaxID),
		Time:    r.timestamp(v, "time", "time", true),
		Tenant:  strings.Trim(ns, "/"),
		Outcome: r.vaultOutcome(v),
	}
	ev.RequestID = ev.ID
	ev.Source.IP = r.ip(req, "remote_address", "request.remote_address")
	ev.Source.Internal = privateSource(ev.Source.IP)
	ev.Source.UserAgent = r.vaultUserAgent(req)
	t := r.vaultTarget(v, req, ns)
	ev.Action, ev.Secret, ev.Resource = t.action, t.secret, t.resource
	r.vaultIdentity(&ev, v, t)
	setAttr(&ev, "vault.path", t.path)
	setAttr(&ev, "vault.mount_type", t.mount)
	if ev.Action == "token.create" && ev.Token.CreatedAt.IsZero() && ev.Outcome == "success" && ev.Token.ID != "" {
		ev.Token.CreatedAt = ev.Time
	}
	return ev
}

// vaultOutcome: an error naming "permission denied" is denied, any other
// error a failure, and so is a response whose data holds an error (Vault
// logs failed logins that way, its text HMAC'd and no top-level error).
func (r *reader) vaultOutcome(v *fastjson.Value) string {
	switch e := v.Get("error"); {
	case e == nil || e.Type() == fastjson.TypeNull:
	case e.Type() != fastjson.TypeString:
		r.warn("error", ReasonType)
		return "failure"
	case bytes.Contains(bytes.ToLower(e.GetStringBytes()), []byte("permission denied")):
		return "denied"
	case len(e.GetStringBytes()) > 0:
		return "failure"
	}
	if v.Get("response", "data", "error") != nil {
		return "failure"
	}
	return "success"
}

// vaultUserAgent reads request.headers["user-agent"] when the audit device
// is configured to log it unhashed (an HMAC'd value says nothing).
func (r *reader) vaultUserAgent(req *fastjson.Value) string {
	h := r.obj(req, "headers", "request.headers")
	if h == nil || h.Get("user-agent") == nil {
		return ""
	}
	ua := r.strList(h, "user-agent", "request.headers.user-agent")
	if len(ua) == 0 || strings.HasPrefix(ua[0], "hmac-") {
		return ""
	}
	return ua[0]
}

// vaultAuthSet names which auth object describes the event's token.
type vaultAuthSet int

const (
	authCaller   vaultAuthSet = iota // the caller's own token (reads, *-self)
	authNew                          // a token the request created (create, login)
	authAccessor                     // a token named by request.data.accessor
	authByValue                      // a token named only by its value: not copied
)
