package detect

import (
	"hash/maphash"
	"slices"
	"strings"

	"github.com/credwatch/credwatch/event"
)

// NamespaceFacts are, on a Kubernetes service account's use of a secret
// outside its own namespace (a person's in any namespace, anyone's list of
// every namespace's), how often the account has reached there: a
// controller (cert-manager, external-secrets, an operator) reads its
// namespaces every day, an application's stolen token does not.
type NamespaceFacts struct {
	Home   string `json:"home"`   // the service account's namespace; "" for any other principal
	Target string `json:"target"` // the secret's namespace; "*" for a list across all
	// Days is how many distinct days the account succeeded there within the
	// forget horizon (0: never); Denied, whether it was refused there before.
	Days   int  `json:"days"`
	Denied bool `json:"denied"`
	// Namespaces is how many namespaces other than its own the account
	// succeeded in (to maxCrosserTenants).
	Namespaces int `json:"namespaces"`
	// Established: the account's reach into Target, or into minWideTenants
	// namespaces or more (or all at once), is older than the learning
	// period and recurred on minCrossingDays days or more.
	Established bool `json:"established"`
}

// serviceAccountPrefix starts a Kubernetes service account's user name:
// system:serviceaccount:<namespace>:<name>.
const serviceAccountPrefix = "system:serviceaccount:"

// allNamespaces is the target of a list or watch across namespaces.
const allNamespaces = "*"

// pathFormats name secrets by paths whose first segment is no namespace.
var pathFormats = []string{event.FormatVault, event.FormatCloudTrail, event.FormatGitHub}

// namespacesOf are ev's home and target namespaces; ok is false unless a
// service account acted on a secret in a namespace other than its own, a
// person on a Kubernetes secret in any namespace (a person has no home:
// every namespace is learned), or the control plane or a node (system:…) on the
// secrets of every namespace at once. The built-in controllers of
// kube-system act in every namespace by design and are not judged.
func namespacesOf(ev *event.Event) (home, target string, ok bool) {
	id := ev.Actor.ID
	if !strings.HasPrefix(ev.Action, "secret.") || id == "" {
		return "", "", false
	}
	target = secretNamespace(ev)
	if !strings.HasPrefix(id, serviceAccountPrefix) {
		if ev.Format != event.FormatK8s && ev.Attrs["k8s.namespace"] == "" {
			return "", "", false // another platform's secret paths name no namespace
		}
		return "", target, target == allNamespaces || (target != "" && !strings.HasPrefix(id, "system:"))
	}
	home, name, found := strings.Cut(id[len(serviceAccountPrefix):], ":")
	if !found || home == "" || (home == "kube-system" && builtinController(name)) {
		return "", "", false
	}
	return home, target, target != "" && target != home
}

// builtinController reports whether name is one of kube-controller-manager's
// service accounts (--use-service-account-credentials): namespace-controller,
// generic-garbage-collector, persistent-volume-binder …
func builtinController(name string) bool {
	return strings.HasSuffix(name, "-controller") || slices.Contains(builtinControllers, name)
}

// builtinControllers are the controllers' accounts not named *-controller.
var builtinControllers = []string{
	"generic-garbage-collector", "pod-garbage-collector", "persistent-volume-binder", "horizontal-pod-autoscaler",
	"bootstrap-signer", "token-cleaner", "root-ca-cert-publisher", "legacy-service-account-token-cleaner",
}

// secretNamespace is the namespace of ev's secret: the Kubernetes decoder's
// attrs.k8s.namespace, else the part of the secret id before its "/"
// ("<namespace>/<name>", as a contract v1 or OCSF producer writes it; not
// a Vault path or an AWS secret's name); a Kubernetes list naming no
// namespace is across all of them.
func secretNamespace(ev *event.Event) string {
	if ns := ev.Attrs["k8s.namespace"]; ns != "" {
		return ns
	}
	if ns, _, found := strings.Cut(ev.Secret.ID, "/"); found && !slices.Contains(pathFormats, ev.Format) {
		return ns
	}
	if ev.Format == event.FormatK8s && ev.Action == "secret.list" && ev.Secret.ID == "" {
		return allNamespaces
	}
	return ""
}

// reachKeysOf key ev's reach like a crossing (the same maps hold both):
// pair by tenant, account and target, principal by the first two, and a
// refusal apart from a success (denied true).
func (b *Baselines) reachKeysOf(ev *event.Event, target string, denied bool) crossingKeys {
	var h, t maphash.Hash
	h.SetSeed(b.seed)
	t.SetSeed(b.seed)
	h.WriteString("k8s-reach")
	writeLower(&h, ev.Tenant)
	h.WriteString(ev.Actor.ID)
	if denied {
		h.WriteByte('!')
	}
	k := crossingKeys{principal: h.Sum64()}
	writeLower(&h, target)
	writeLower(&t, target)
	k.pair, k.tenant = h.Sum64(), uint32(t.Sum64())
	return k
}
