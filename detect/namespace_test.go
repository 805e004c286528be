package detect_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// TestSecretOutsideNamespace: a service account's history of Secret reads
// (20 nights, in the namespaces listed), then one read by it (or another
// account, in another cluster) in a namespace. An application reaching out
// of its namespace alerts, whatever the history's order, whether the
// namespace comes from the Kubernetes decoder's attrs or the secret id, and
// at any hour; a controller established in the namespace, in five or more,
// or across all, stays quiet; so does the account at home, kube-system's
// built-in controllers and a node. A person's first list of every
// namespace's Secrets, or first secret of a namespace after their first
// week, is medium.
func TestSecretOutsideNamespace(t *testing.T) {
	app, ctl, person := "system:serviceaccount:payments:api", "system:serviceaccount:ops:backup", "oidc:alice@example.com"
	bystander := "system:serviceaccount:shop:cart" // keeps the engine past its learning period
	nightly := func(nss ...string) map[string][]string {
		return map[string][]string{app: nss, ctl: nss, person: nss, bystander: {"shop"}}
	}
	for _, c := range []struct {
		name              string
		history           map[string][]string // account → namespaces read nightly
		actor, ns, tenant string
		reversed, noAttr  bool
		want              string // severity; "" for none
	}{
		{"app into kube-system", nightly("payments"), app, "kube-system", "c1", false, false, "high"},
		{"app, history reversed", nightly("payments"), app, "kube-system", "c1", true, false, "high"},
		{"app, namespace from the secret id", nightly("payments"), app, "vault", "c1", false, true, "high"},
		{"app at home", nightly("payments"), app, "payments", "c1", false, false, ""},
		{"a Vault path's first segment is no namespace", nightly("payments"), app, "kube-system", "c1", false, true, ""},
		{"app in a namespace it reads nightly", nightly("payments", "shared"), app, "shared", "c1", false, false, ""},
		{"app, same name in another cluster", nightly("payments", "shared"), app, "shared", "c2", false, false, "high"},
		{"controller of six namespaces, a seventh", nightly("a", "b", "c", "d", "e", "f"), ctl, "g", "c1", false, false, ""},
		{"controller listing every namespace", nightly("*"), ctl, "monitoring", "c1", false, false, ""},
		{"controller of two namespaces, a third", nightly("a", "b"), ctl, "c", "c1", false, false, "high"},
		{"new account", nightly(), "system:serviceaccount:web:frontend", "kube-system", "c1", false, false, "medium"},
		{"a newcomer's first namespace", nightly(), person, "kube-system", "c1", false, false, ""},
		{"a person in a namespace they never touched", nightly("payments"), person, "kube-system", "c1", false, false, "medium"},
		{"a person in a namespace they use", nightly("payments"), person, "payments", "c1", false, false, ""},
		{"a person's secret path on another platform", nightly("payments"), person, "kube-system", "c1", false, true, ""},
		{"a node reading a pod's secret", nightly("payments"), "system:node:ip-10-0-1-23", "kube-system", "c1", false, false, ""},
		{"a built-in controller", nightly("payments"), "system:serviceaccount:kube-system:namespace-controller", "pr-4121", "c1", false, false, ""},
		{"a person listing every namespace", nightly("payments"), person, "*", "c1", false, false, "medium"},
		{"a person who lists every namespace nightly", nightly("*"), person, "*", "c1", false, false, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for actor, nss := range c.history {
				for _, n := range span(20) {
					for _, ns := range nss {
						evs = append(evs, secretIn(fmt.Sprint(actor, ns, n), actor, ns, "c1", t0.Add(time.Duration(n)*24*time.Hour+time.Duration(n)*time.Hour), false))
					}
				}
			}
			slices.SortFunc(evs, func(a, b event.Event) int { return a.Time.Compare(b.Time) })
			if c.reversed {
				slices.Reverse(evs)
			}
			last := secretIn("last", c.actor, c.ns, c.tenant, t0.Add(21*24*time.Hour+3*time.Hour), c.noAttr)
			switch {
			case strings.HasPrefix(c.name, "a Vault path"):
				last.Format = event.FormatVault
			case strings.HasPrefix(c.name, "a person's secret path"):
				last.Format = event.FormatV1
			}
			evs = append(evs, last)
			require.Equal(t, c.want, severityOn(run(t, newEngine(t), evs), "secret_outside_namespace", "last"))
		})
	}
}

// TestRefusedOutsideNamespace: a first refusal outside the namespace is
// medium, a second in the same namespace adds nothing new, and a success
// after it still raises the alert to high.
func TestRefusedOutsideNamespace(t *testing.T) {
	app := "system:serviceaccount:payments:api"
	var evs []event.Event
	for _, n := range span(20) {
		evs = append(evs, secretIn(fmt.Sprint("h", n), app, "payments", "c1", t0.Add(time.Duration(n)*24*time.Hour), false))
	}
	at := t0.Add(21 * 24 * time.Hour)
	for i, outcome := range []string{"denied", "denied", "success"} {
		ev := secretIn(fmt.Sprint("x", i), app, "argocd", "c1", at.Add(time.Duration(i)*time.Minute), false)
		ev.Outcome = outcome
		evs = append(evs, ev)
	}
	e := newEngine(t)
	require.Equal(t, "medium", severityOn(run(t, e, evs[:21]), "secret_outside_namespace", "x0"))
	require.Equal(t, "high", severityOn(run(t, e, evs[21:]), "secret_outside_namespace", "x2"))
}

// secretIn is a read of a Secret in namespace ns by actor in cluster
// (tenant) at; "*" is a list across namespaces. noAttr leaves the namespace
// to the secret id, as a contract v1 producer writes it.
func secretIn(id, actor, ns, cluster string, at time.Time, noAttr bool) event.Event {
	ev := event.Event{ID: id, Time: at, Action: "secret.read", Outcome: "success", Tenant: cluster, Format: event.FormatK8s,
		Actor:  event.Actor{ID: actor, Type: "service"},
		Token:  event.Token{ID: "serviceaccount:" + actor, Kind: "service_account", Owner: actor},
		Secret: event.Secret{ID: ns + "/db", Name: "db"}, Source: event.Source{IP: "10.244.1.7", Internal: true}}
	if !noAttr {
		ev.Attrs = map[string]string{"k8s.namespace": ns}
	}
	if ns == "*" {
		ev.Action, ev.Secret, ev.Attrs = "secret.list", event.Secret{}, nil
	}
	return ev
}

// severityOn is the severity of rule's alert holding event id, "" if none.
func severityOn(alerts []*detect.Alert, rule, id string) string {
	for _, a := range alerts {
		if a.Rule == rule && slices.Contains(a.EventIDs, id) {
			return a.Severity
		}
	}
	return ""
}
