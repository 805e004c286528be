package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/redact"
)

// vaultNames are an auth object's display_name and entity_id.
type vaultNames struct{ display, entity string }

// vaultNames reads them once (a second read would repeat its warnings).
func (r *reader) vaultNames(a *fastjson.Value, path string) vaultNames {
	n := r.limits.MaxString
	return vaultNames{r.str(a, "display_name", path+".display_name", n), r.str(a, "entity_id", path+".entity_id", n)}
}

// vaultToken maps an auth object onto the token: its accessor, else its
// client_token when that is HMAC'd or already replaced by the redactor's
// reference (the only handle of a batch token; a plaintext one, under
// log_raw, is never copied); owner (who), issue time, type and policies.
func (r *reader) vaultToken(ev *event.Event, a *fastjson.Value, path string, who vaultNames) {
	n := r.limits.MaxString
	if a == nil {
		return
	}
	ev.Token.ID = r.str(a, "accessor", path+".accessor", n)
	if ev.Token.ID == "" {
		ct := r.str(a, "client_token", path+".client_token", n)
		if strings.HasPrefix(ct, "hmac-sha256:") || strings.HasPrefix(ct, redact.Prefix) {
			ev.Token.ID = ct
		}
	}
	if ev.Token.ID == "" {
		return
	}
	ev.Token.Owner = firstNonEmpty(who.entity, who.display)
	ev.Token.CreatedAt = r.timestamp(a, "token_issue_time", path+".token_issue_time", false)
	setAttr(ev, "vault.token_type", r.str(a, "token_type", path+".token_type", n))
	setAttr(ev, "vault.policies", joinBounded(r.strList(a, "policies", path+".policies"), r.limits.MaxText))
}

// vaultRequestToken names the token a request presented when the entry's
// auth names none (Vault refused it before resolving it: a revoked, expired
// or unknown token): request.client_token_accessor, else its client_token
// when HMAC'd or already a redaction reference. A plaintext one (log_raw)
// is never copied.
func (r *reader) vaultRequestToken(ev *event.Event, req *fastjson.Value) {
	n := r.limits.MaxString
	if ev.Token.ID = r.str(req, "client_token_accessor", "request.client_token_accessor", n); ev.Token.ID != "" {
		return
	}
	if ct := r.str(req, "client_token", "request.client_token", n); strings.HasPrefix(ct, "hmac-sha256:") || strings.HasPrefix(ct, redact.Prefix) {
		ev.Token.ID = ct
	}
}

// joinBounded joins list with commas, dropping empty items, cut to at most
// max bytes on an item boundary.
func joinBounded(list []string, max int) string {
	var b strings.Builder
	for _, s := range list {
		sep := min(b.Len(), 1)
		if s == "" || b.Len()+sep+len(s) > max {
			continue
		}
		if sep > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s)
	}
	return b.String()
}
