package decode

import (
	"net/url"
	"strings"

	"github.com/valyala/fastjson"
)

// isOktaHook reports an Okta event hook's request body: eventType
// com.okta.event_hook, the LogEvents in data.events.
func isOktaHook(v *fastjson.Value) bool {
	return string(v.GetStringBytes("eventType")) == "com.okta.event_hook" && v.Get("data", "events") != nil
}

// oktaHookOrg is the org an event hook names in its source
// (https://acme.okta.com/api/v1/eventHooks/who…): the org's subdomain
// on Okta's own domains (acme), else the custom domain's host.
func oktaHookOrg(v *fastjson.Value) string {
	u, err := url.Parse(string(v.GetStringBytes("source")))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, domain := range []string{".okta.com", ".oktapreview.com", ".okta-emea.com", ".okta-gov.com", ".okta.mil"} {
		if sub, ok := strings.CutSuffix(host, domain); ok && !strings.Contains(sub, ".") {
			return sub
		}
	}
	return host
}

// oktaBridgeSource prefixes the source of an event Okta's log streaming
// puts on an Amazon EventBridge partner bus:
// aws.partner/okta.com/<org subdomain>/<event source name>.
const oktaBridgeSource = "aws.partner/okta.com/"
