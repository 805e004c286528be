package decode

import (
	"slices"
	"strings"

	"github.com/credwatch/credwatch/event"
)

// vaultSecret classifies a request on a secrets engine mounted at mount (the
// namespace path included): any path of a kv or cubbyhole mount, and the
// endpoints of other engines that issue credentials, which are reads
// whatever the operation (pki issue is an update, aws creds either).
// Other engine paths (configuration, roles, transit) stay vault.<operation>.
func vaultSecret(t *vaultTarget, mount, rest, op, mountType string) {
	var action, key string
	switch {
	case isVaultKV(mount, rest, mountType):
		action, key = vaultKV(rest, op)
	case issuesCredentials(mount, rest, mountType) && (op == "read" || op == "update" || op == "create"):
		action, key = "secret.read", rest
	}
	if action == "" {
		return
	}
	id := mount + "/" + key
	t.action = action
	t.secret = event.Secret{ID: id, Name: lastSegment(id)}
	t.resource = event.Resource{Type: "secret", ID: id}
}

// isVaultKV: the mount type says kv (v1 or v2), generic (kv's old name) or
// cubbyhole; without a mount type, the default "secret/" and "cubbyhole/"
// mounts and kv v2 shaped paths are kv.
func isVaultKV(mount, rest, mountType string) bool {
	switch mountType {
	case "kv", "generic", "cubbyhole":
		return true
	case "":
		m := lastSegment(mount)
		sub, _, _ := strings.Cut(rest, "/")
		return m == "secret" || m == "cubbyhole" || (sub == "data" || sub == "metadata") && strings.Contains(rest, "/")
	}
	return false
}

// vaultKVPrefixes are kv v2's API prefixes; the secret's own path follows.
var vaultKVPrefixes = []string{"data", "metadata", "delete", "undelete", "destroy", "subkeys"}

// vaultCRUD maps an operation on a secret to its action.
var vaultCRUD = map[string]string{
	"create": "secret.create", "read": "secret.read", "update": "secret.update", "patch": "secret.update",
	"delete": "secret.delete", "list": "secret.list", "scan": "secret.list",
}

// vaultKV maps a kv request. kv v2 paths lose their API prefix, so every
// version of a secret has one id (the logical path); reading metadata or
// subkeys reveals no value and counts as a list; delete/ and destroy/
// (versions) are deletes, undelete/ an update.
func vaultKV(rest, op string) (action, key string) {
	sub, key := "", rest
	for _, p := range vaultKVPrefixes {
		if k, ok := strings.CutPrefix(rest, p+"/"); ok {
			sub, key = p, k
			break
		}
	}
	a := vaultCRUD[op]
	if a == "" {
		return "", key
	}
	switch sub {
	case "metadata", "subkeys":
		switch a {
		case "secret.read":
			a = "secret.list"
		case "secret.create":
			a = "secret.update"
		}
	case "delete", "destroy":
		a = "secret.delete"
	case "undelete":
		a = "secret.update"
	}
	return a, key
}

// vaultCredEndpoints are the first path segments below a secrets engine
// mount that hand out credentials: creds (database, aws, azure, consul,
// kubernetes, ldap, nomad, rabbitmq, ssh, terraform), static creds, aws
// sts, pki and ssh issue and sign.
var vaultCredEndpoints = []string{"creds", "static-creds", "static-cred", "sts", "issue", "sign", "sign-verbatim"}

// vaultCredEngines are the mount types whose cred endpoints those are
// (transit, also a "sign" endpoint, signs data and issues nothing).
var vaultCredEngines = []string{
	"database", "aws", "azure", "gcp", "consul", "kubernetes", "ldap", "openldap", "ad",
	"nomad", "rabbitmq", "ssh", "terraform", "pki", "alicloud", "mongodbatlas",
}

// issuesCredentials: rest starts with a cred endpoint, on an engine that
// has them (by mount type, else any mount but transit).
func issuesCredentials(mount, rest, mountType string) bool {
	first, _, _ := strings.Cut(rest, "/")
	if !slices.Contains(vaultCredEndpoints, first) {
		return false
	}
	if mountType == "" {
		return lastSegment(mount) != "transit"
	}
	return slices.Contains(vaultCredEngines, mountType)
}
