package decode

import (
	"strconv"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// onePasswordItemActions maps an item usage's action: what hands out the
// item's secret (filled, copied, revealed, fetched by a Connect server or
// service account, exported, shared) is a read; a server's create and update
// change it.
var onePasswordItemActions = map[string]string{
	"fill": "secret.read", "sso-fill": "secret.read", "copy": "secret.read", "secure-copy": "secret.read", "reveal": "secret.read",
	"server-fetch": "secret.read", "export": "secret.read", "share": "secret.read", "enter-item-edit-mode": "secret.read",
	"select-sso-provider": "secret.read", "server-create": "secret.create", "server-update": "secret.update",
}

// onePasswordItem maps an item usage: the user who used an item of a shared
// vault, the item as the secret (<vault>/<item>), what was done with it.
func (r *reader) onePasswordItem(v *fastjson.Value, ev *event.Event) {
	l := r.limits
	vault, item := r.str(v, "vault_uuid", "vault_uuid", l.MaxString), r.str(v, "item_uuid", "item_uuid", l.MaxString)
	act := strings.ToLower(r.str(v, "action", "action", l.MaxString))
	ev.Actor = r.onePasswordUser(r.obj(v, "user", "user"), "user")
	ev.Outcome = "success"
	ev.Action = onePasswordItemActions[act]
	if ev.Action == "" { // an action 1Password adds later is still a use of the item
		ev.Action = "secret.read"
	}
	setAttr(ev, "1password.action", act)
	if n, ok := r.number(v, "used_version", "used_version"); ok {
		setAttr(ev, "1password.item_version", strconv.FormatFloat(n, 'f', -1, 64))
	}
	if item != "" {
		ev.Secret = event.Secret{ID: strings.ToLower(vault + "/" + item), Name: item}
		ev.Resource = event.Resource{Type: "secret", ID: ev.Secret.ID}
	}
	setAttr(ev, "1password.vault", vault)
}

// onePasswordSignIn maps a sign-in attempt: the target user signing in
// (auth.logon) to a session; category success is a success, a firewall's
// refusal denied, a bad password, second factor or SSO a failure.
func (r *reader) onePasswordSignIn(v *fastjson.Value, ev *event.Event) {
	l := r.limits
	ev.Actor = r.onePasswordUser(r.obj(v, "target_user", "target_user"), "target_user")
	ev.Action = "auth.logon"
	ev.SessionID = r.str(v, "session_uuid", "session_uuid", l.MaxID)
	category := strings.ToLower(r.str(v, "category", "category", l.MaxString))
	setAttr(ev, "1password.category", category)
	setAttr(ev, "1password.type", r.str(v, "type", "type", l.MaxString))
	switch {
	case category == "success":
		ev.Outcome = "success"
	case strings.HasPrefix(category, "firewall"):
		ev.Outcome = "denied"
	case category == "":
		ev.Outcome = event.OutcomeUnknown
	default:
		ev.Outcome = "failure"
	}
	if ev.Source.Country == "" {
		ev.Source.Country = r.countryName(v, "country", "country")
	}
}

// onePasswordAudit maps an audit event: 1password.<action> of the
// <object_type> it names, by the actor, in its session (whose address is
// the source).
func (r *reader) onePasswordAudit(v *fastjson.Value, ev *event.Event) {
	l := r.limits
	act, object := r.str(v, "action", "action", l.MaxString), r.str(v, "object_type", "object_type", l.MaxString)
	ev.Action = "1password." + strings.ToLower(firstNonEmpty(act, "unknown"))
	ev.Outcome = "success"
	ev.Actor = r.onePasswordUser(r.obj(v, "actor_details", "actor_details"), "actor_details")
	if ev.Actor.ID == "" {
		ev.Actor = event.Actor{ID: r.str(v, "actor_uuid", "actor_uuid", l.MaxString), Type: "user"}
	}
	setAttr(ev, "1password.object_type", object)
	ev.Resource = event.Resource{ID: r.str(v, "object_uuid", "object_uuid", l.MaxString)}
	s := r.obj(v, "session", "session")
	ev.SessionID = r.str(s, "uuid", "session.uuid", l.MaxID)
	if ev.Source.IP == "" {
		r.callerAddress(ev, r.str(s, "ip", "session.ip", 64), "session.ip", "1password.client", func(string) bool { return false })
	}
}
