package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// opItemUsage is a 1Password Events API item usage: jeff revealing an item
// of a shared vault in the browser extension from Toronto, changed by
// changes.
func opItemUsage(changes ...func(obj)) string {
	return withChanges(obj{
		"uuid": "56YE2TYN2VFYRLNSHKPW5NVT5E", "timestamp": "2026-11-20T16:33:50-03:00", "used_version": 3,
		"vault_uuid": "VZSYVT2LGHTBWBQGUJAIZVRABM", "item_uuid": "SDGD3I4AJYO6RMHRK8DYVNFIDSQ",
		"user": obj{"uuid": "4HCGRGYCTRQFBMGVEGTABYDU2V", "name": "Jeff Shiner", "email": "jeff@acme.example"},
		"client": obj{"app_name": "1Password Browser Extension", "app_version": "20240", "platform_name": "Chrome", "platform_version": "131.0",
			"os_name": "MacOSX", "os_version": "14.6", "ip_address": "13.227.95.22"},
		"location": obj{"country": "Canada", "region": "Ontario", "city": "Toronto", "latitude": 43.5991, "longitude": -79.4988},
		"action":   "reveal",
	}, changes)
}

// TestOnePasswordItemUsage: an item of a shared vault filled, copied,
// revealed or fetched is a read of that secret, whoever uses it and from
// wherever; a server's create and update change it.
func TestOnePasswordItemUsage(t *testing.T) {
	secret := "vzsyvt2lghtbwbqgujaizvrabm/sdgd3i4ajyo6rmhrk8dyvnfidsq"
	cases := []adapterCase{
		{name: "revealed", msg: opItemUsage(), want: map[string]string{"id": "56YE2TYN2VFYRLNSHKPW5NVT5E", "time": "2026-11-20T19:33:50Z",
			"action": "secret.read", "outcome": "success", "tenant": "topic-tenant", "actor.id": "jeff@acme.example", "actor.type": "user",
			"secret.id": secret, "secret.name": "SDGD3I4AJYO6RMHRK8DYVNFIDSQ", "source.ip": "13.227.95.22", "source.country": "CA",
			"source.lat": "43.5991", "source.lon": "-79.4988", "source.user_agent": "1Password Browser Extension/20240",
			"attrs.1password.action": "reveal", "attrs.1password.item_version": "3", "attrs.1password.platform": "Chrome 131.0",
			"attrs.1password.os": "MacOSX 14.6", "format": "1password.events", "warnings": ""}},
		{name: "fetched by a service account", msg: opItemUsage(set("action", "server-fetch"), set("user", obj{"uuid": "SA7QFD", "name": "ci-deploy", "email": ""}),
			set("client", obj{"app_name": "1Password SDK", "app_version": "0.1.5", "ip_address": "34.90.1.2"}), set("location", remove)),
			want: map[string]string{"action": "secret.read", "actor.id": "SA7QFD", "source.ip": "34.90.1.2", "source.country": ""}},
		{name: "server update", msg: opItemUsage(set("action", "server-update")), want: map[string]string{"action": "secret.update"}},
		{name: "an action not known yet", msg: opItemUsage(set("action", "autotype")), want: map[string]string{"action": "secret.read", "attrs.1password.action": "autotype"}},
		{name: "no place", msg: opItemUsage(set("location", obj{"country": "", "latitude": 0, "longitude": 0})),
			want: map[string]string{"source.country": "", "source.lat": "", "warnings": "location:placeholder"}},
		{name: "no time", msg: opItemUsage(set("timestamp", "")), errAt: "timestamp", errWhy: decode.ReasonMissing},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.Format1Password, cases)
}

// TestOnePasswordSignInsAndAudit: sign-in attempts are sign-ins to a
// session, told apart by category; audit events keep their action.
func TestOnePasswordSignInsAndAudit(t *testing.T) {
	signIn := func(category string) string {
		return withChanges(obj{"uuid": "HGIF4OEWXDTVWKEQDIWTKV26HU", "session_uuid": "UED4KFZ5BH37IQWTJ7LG4VPWK7", "timestamp": "2026-11-11T14:28:03Z",
			"country": "AR", "category": category, "type": "credentials_ok", "details": nil,
			"target_user": obj{"uuid": "OJQGU46KAPROEJLCK674RHSAY5", "name": "Name", "email": "ana@acme.example"},
			"client":      obj{"app_name": "1Password for Mac", "app_version": "81024", "ip_address": "89.160.20.156"}}, nil)
	}
	audit := withChanges(obj{"uuid": "56YE2TYN2VFYRLNSHKPW5NVT5E", "timestamp": "2026-11-11T15:00:00Z", "actor_uuid": "GLF6WUEKS5CSNDJ2OG6TCZD3M4",
		"actor_details": obj{"uuid": "GLF6WUEKS5CSNDJ2OG6TCZD3M4", "name": "Admin", "email": "admin@acme.example"}, "action": "grant",
		"object_type": "uva", "object_uuid": "ZRQCUD6A65AKHFETOUFO7NL4OM",
		"session": obj{"uuid": "A5K6COGVRVEJXJW3XQZGS7VAMM", "login_time": "2026-11-11T14:59:00Z", "device_uuid": "lc5fqgbrcm4plajd", "ip": "192.0.2.254"}}, nil)
	cases := []adapterCase{
		{name: "signed in", msg: signIn("success"), want: map[string]string{"action": "auth.logon", "outcome": "success", "actor.id": "ana@acme.example",
			"session_id": "UED4KFZ5BH37IQWTJ7LG4VPWK7", "source.country": "AR", "source.ip": "89.160.20.156", "attrs.1password.category": "success"}},
		{name: "bad password", msg: signIn("credentials_failed"), want: map[string]string{"outcome": "failure"}},
		{name: "second factor failed", msg: signIn("mfa_failed"), want: map[string]string{"outcome": "failure"}},
		{name: "firewall", msg: signIn("firewall_failed"), want: map[string]string{"outcome": "denied"}},
		{name: "audit event", msg: audit, want: map[string]string{"action": "1password.grant", "actor.id": "admin@acme.example", "session_id": "A5K6COGVRVEJXJW3XQZGS7VAMM",
			"source.ip": "192.0.2.254", "resource.id": "ZRQCUD6A65AKHFETOUFO7NL4OM", "attrs.1password.object_type": "uva"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.Format1Password, cases)
}

// TestOnePasswordPage: an Events API page gives its items, oldest first.
func TestOnePasswordPage(t *testing.T) {
	page := `{"cursor":"aGVsbG8h","has_more":false,"items":[` + opItemUsage(set("uuid", "B"), set("timestamp", "2026-11-20T20:00:00Z")) + `,` +
		opItemUsage(set("uuid", "A")) + `]}`
	evs, de := decodeAll(t, "", page)
	require.Nil(t, de)
	require.Equal(t, []string{"A", "B"}, []string{evs[0].ID, evs[1].ID})
}
