package decode

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureKey is one credential of an application or service principal as a
// directory audit's KeyDescription lists it.
type azureKey struct{ id, typ, name string }

// azureKeyChange maps a change of the target's credentials, its
// KeyDescription property: a key in the new value and not the old one was
// added (token.create, created at the event's time when it succeeded), a
// key only in the old one removed (token.revoke). The credential is owned
// by the application (appId: additionalDetails' AppId, else the first of
// the target's service principal names, else the target's id), as a
// sign-in names it. A change of anything else keeps the operation's name.
func (r *reader) azureKeyChange(target *fastjson.Value, path, appID string, ev *event.Event) {
	n := r.limits.MaxString
	ev.Resource = event.Resource{ID: r.str(target, "id", path+".id", n)}
	setAttr(ev, "azure.target", r.str(target, "displayName", path+".displayName", n))
	setAttr(ev, "azure.target_type", r.str(target, "type", path+".type", n))
	var before, after []azureKey
	for _, m := range target.GetArray("modifiedProperties") {
		switch string(m.GetStringBytes("displayName")) {
		case "KeyDescription":
			before, after = r.azureKeys(m.Get("oldValue"), path), r.azureKeys(m.Get("newValue"), path)
		case "TargetId.ServicePrincipalNames":
			if spn, _, _ := strings.Cut(strings.Trim(string(m.GetStringBytes("newValue")), `"`), ";"); shortText(spn, n) {
				appID = firstNonEmpty(appID, spn)
			}
		}
	}
	added, removed := keysNotIn(after, before), keysNotIn(before, after)
	changed := append(added, removed...)
	if len(changed) == 0 {
		return
	}
	ev.Action = "token.revoke"
	if len(added) > 0 {
		ev.Action = "token.create"
	}
	ev.Token = event.Token{ID: changed[0].id, Owner: firstNonEmpty(appID, ev.Resource.ID), Tenant: ev.Tenant}
	if ev.Action == "token.create" && ev.Outcome == "success" {
		ev.Token.CreatedAt = ev.Time
	}
	ev.Resource.Type = "token"
	setAttr(ev, "azure.key_type", changed[0].typ)
	setAttr(ev, "azure.key_name", changed[0].name)
	if len(changed) > 1 {
		setAttr(ev, "azure.keys_changed", strconv.Itoa(len(changed)))
	}
}

// keysNotIn is the keys of a whose id b does not hold.
func keysNotIn(a, b []azureKey) []azureKey {
	var out []azureKey
	for _, k := range a {
		if !slices.ContainsFunc(b, func(o azureKey) bool { return o.id == k.id }) {
			out = append(out, k)
		}
	}
	return out
}

// keyField is one field of a KeyDescription entry:
// "[KeyIdentifier=…,KeyType=Password,KeyUsage=Verify,DisplayName=…]".
var keyField = regexp.MustCompile(`(KeyIdentifier|KeyType|DisplayName)=([^,\]]*)`)

// azureKeys reads a KeyDescription value: the JSON text of an array of
// entries. Entries without a KeyIdentifier, or with a field that is no
// short UTF-8 text, are left out (with a warning).
func (r *reader) azureKeys(c *fastjson.Value, path string) []azureKey {
	var parser fastjson.Parser
	list, err := parser.ParseBytes(c.GetStringBytes())
	if err != nil {
		return nil
	}
	var keys []azureKey
	for _, e := range list.GetArray() {
		var k azureKey
		for _, f := range keyField.FindAllStringSubmatch(string(e.GetStringBytes()), -1) {
			switch f[1] {
			case "KeyIdentifier":
				k.id = f[2]
			case "KeyType":
				k.typ = f[2]
			case "DisplayName":
				k.name = f[2]
			}
		}
		switch {
		case k.id == "":
		case !shortText(k.id+k.typ+k.name, 3*r.limits.MaxString):
			r.warn(path+".modifiedProperties", ReasonInvalid)
		default:
			keys = append(keys, k)
		}
	}
	return keys
}

// shortText reports valid UTF-8 of at most max characters.
func shortText(s string, max int) bool {
	return utf8.ValidString(s) && utf8.RuneCountInString(s) <= max
}
