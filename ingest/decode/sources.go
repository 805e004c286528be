package decode

import (
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// Input formats, as named on the command line (--format).
const (
	FormatAuto       = "auto" // detected per message
	FormatCredwatch  = "credwatch"
	FormatOCSF       = "ocsf"
	FormatVault      = "vault"
	FormatK8s        = "k8s"
	FormatCloudTrail = "cloudtrail"
	FormatGitHub     = "github"
	FormatGCP        = "gcp"
	FormatAzure      = "azure"
	FormatOkta       = "okta"
	FormatWorkspace  = "workspace"
	Format1Password  = "1password"
)

// mapEvent maps one parsed event object in the given format. Direct calls
// (not a table of functions) keep the reader off the heap.
func (r *reader) mapEvent(format string, v *fastjson.Value) event.Event {
	switch format {
	case FormatOCSF:
		return r.ocsf(v)
	case FormatVault:
		return r.vault(v)
	case FormatK8s:
		return r.k8s(v)
	case FormatCloudTrail:
		heap := *r // its helpers keep the reader: a copy escapes, not r
		ev := heap.cloudTrail(v)
		*r = heap
		return ev
	case FormatGitHub:
		return r.gitHub(v)
	case FormatGCP:
		return r.gcp(v)
	case FormatAzure:
		return r.azure(v)
	case FormatOkta:
		return r.okta(v)
	case FormatWorkspace:
		return r.workspace(v)
	case Format1Password:
		return r.onePassword(v)
	}
	return r.v1(v)
}

// formatNames are the formats a topic can be set to, besides auto.
var formatNames = []string{Format1Password, FormatAzure, FormatCloudTrail, FormatCredwatch, FormatGCP, FormatGitHub, FormatK8s, FormatOCSF, FormatOkta, FormatVault, FormatWorkspace}

// Formats lists the names --format accepts.
func Formats() []string {
	return append([]string{FormatAuto}, formatNames...)
}

// Sources says what a message may leave unsaid: its format (per topic, else
// Format, else detected), its tenant when it names none (per topic, else
// DefaultTenant) and, when Networks is set, the autonomous system of its
// source address.
type Sources struct {
	Format        string
	TopicFormats  map[string]string
	DefaultTenant string
	TopicTenants  map[string]string
	Networks      Networks
}

// Networks names the autonomous system of an address (enrich.ASNs).
type Networks interface {
	Lookup(addr netip.Addr) (asn uint32, org string, ok bool)
}

// Check reports an unknown format name.
func (s Sources) Check() error {
	for topic, f := range s.TopicFormats {
		if !slices.Contains(Formats(), f) {
			return fmt.Errorf("format %q for topic %q: must be one of %s", f, topic, strings.Join(Formats(), ", "))
		}
	}
	if s.Format != "" && !slices.Contains(Formats(), s.Format) {
		return fmt.Errorf("format %q: must be one of %s", s.Format, strings.Join(Formats(), ", "))
	}
	return nil
}

func (s *Sources) formatFor(topic string) string {
	if f := s.TopicFormats[topic]; f != "" {
		return f
	}
	if s.Format != "" {
		return s.Format
	}
	return FormatAuto
}

func (s *Sources) tenantFor(topic string) string {
	if t := s.TopicTenants[topic]; t != "" {
		return t
	}
	return s.DefaultTenant
}

// missingTenant names where the format carries a tenant.
func missingTenant(format string) *Error {
	where := map[string]string{
		FormatCredwatch:  "tenant",
		FormatOCSF:       "metadata.tenant_uid, cloud.account.uid or actor.user.account.uid",
		FormatVault:      "namespace.path",
		FormatK8s:        "annotations or --topic-tenant",
		FormatCloudTrail: "recipientAccountId",
		FormatGitHub:     "org or business",
		FormatGCP:        "resource.labels.project_id or logName",
		FormatAzure:      "the subscription in resourceId, tenantId, the tid claim or a sign-in's resourceTenantId",
		FormatOkta:       "a LogEvent names no org: the event hook's or EventBridge's source, else --topic-tenant",
		FormatWorkspace:  "id.customerId",
		Format1Password:  "an Events API record names no account: --topic-tenant",
	}[format]
	return fieldErr("tenant", ReasonMissing, "is required: the message has none (%s) and no default tenant is set for its topic (--default-tenant, --topic-tenant)", where)
}
