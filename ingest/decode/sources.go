package decode

import (
	"fmt"
	"slices"
	"sort"
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
)

// mapper maps one parsed event object in one format onto the event.
type mapper func(r *reader, v *fastjson.Value) event.Event

// mappers holds every format's mapper.
var mappers = map[string]mapper{
	FormatCredwatch:  (*reader).v1,
	FormatOCSF:       (*reader).ocsf,
	FormatVault:      (*reader).vault,
	FormatK8s:        (*reader).k8s,
	FormatCloudTrail: (*reader).cloudTrail,
	FormatGitHub:     (*reader).gitHub,
}

// Formats lists the names --format accepts.
func Formats() []string {
	out := []string{FormatAuto}
	for name := range mappers {
		out = append(out, name)
	}
	sort.Strings(out[1:])
	return out
}

// Sources says what a message may leave unsaid: its format (per topic, else
// Format, else detected) and its tenant when it names none (per topic, else
// DefaultTenant).
type Sources struct {
	Format        string
	TopicFormats  map[string]string
	DefaultTenant string
	TopicTenants  map[string]string
}

// Check reports an unknown format name.
func (s Sources) Check() error {
	for topic, f := range s.TopicFormats {
		if f != FormatAuto && mappers[f] == nil {
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
	}[format]
	return fieldErr("tenant", ReasonMissing, "is required: the message has none (%s) and no default tenant is set for its topic (--default-tenant, --topic-tenant)", where)
}
