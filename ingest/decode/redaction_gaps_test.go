package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// gapSecret is planted by the vendor cases below; no stored part of their
// events may hold it.
const gapSecret = "Gap5ecret-v4lue"

// TestVendorRedactionGaps decodes each vendor format carrying a secret
// the way the redactor used to miss it: a name ending in "pass" or a
// secret key's role, a URL query signature, a command-line flag's value,
// a pair whose value comes before its name, a '/' in a URL password. The
// event's fields, its raw copy and its unmapped remainder hold none of it.
func TestVendorRedactionGaps(t *testing.T) {
	s := gapSecret
	k8s := func(o obj) { o["level"] = "RequestResponse" }
	cases := map[string]string{
		"cloudtrail db_pass": ctRecord(`,"eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionConfiguration20150331v2",` +
			`"requestParameters":{"functionName":"api","environment":{"variables":{"DB_PASS":"` + s + `","SIGNING_KEY":"` + s + `x"}}}`),
		"cloudtrail presigned": ctRecord(`,"eventSource":"s3.amazonaws.com","eventName":"GetObject","requestParameters":{"bucketName":"b",` +
			`"url":"https://b.s3.amazonaws.com/o?X-Amz-Expires=900&X-Amz-Signature=` + s + `&X-Amz-SignedHeaders=host"}`),
		"cloudtrail reversed env": ctRecord(`,"eventSource":"ecs.amazonaws.com","eventName":"RegisterTaskDefinition","requestParameters":` +
			`{"containerDefinitions":[{"name":"app","environment":[{"value":"` + s + `","name":"DB_PASSWORD"}],"command":["--api-key","` + s + `y"]}]}`),
		"k8s pod args": k8sEvent("create", obj{"resource": "pods", "namespace": "payments", "name": "api"}, k8s,
			set("requestObject", obj{"kind": "Pod", "spec": obj{"containers": []obj{{"name": "api",
				"args": []string{"serve", "--db-password", s}, "env": []obj{{"value": s + "z", "name": "smtp-pass"}}}}}})),
		"k8s query": k8sEvent("get", obj{"resource": "services", "namespace": "payments", "name": "api"},
			set("requestURI", "/api/v1/namespaces/payments/services/api/proxy/cb?x=1&sig="+s)),
		"github hook": ghEntry(`,"action":"hook.create","config":{"url":"https://hooks.example.com/in?key=` + s + `","secret":"` + s + `w"}`),
		"github dsn":  ghEntry(`,"action":"org.update_actions_variable","value":"postgres://app:` + s + `/x@db:5432/app"`),
		"vault": vaultEntry("auth/ldap/login/alice", "update", set("auth.metadata.bind_pass", s),
			set("request.headers", obj{"referer": []string{"https://vault.example.com/ui/?x=1&key=" + s + "k"}})),
	}
	for name, msg := range cases {
		t.Run(name, func(t *testing.T) {
			require.Contains(t, msg, s, "the case plants its secret")
			ev := decodeOK(t, newDecoder(t).WithSources(decode.Sources{DefaultTenant: "acme"}), msg)
			for part, text := range map[string]string{"fields": mustJSON(t, ev), "raw": string(ev.Raw), "unmapped": string(ev.Unmapped)} {
				require.NotContains(t, strings.ReplaceAll(text, `\/`, `/`), s, "%s: %s", part, text)
			}
			require.NotEmpty(t, ev.Redactions)
		})
	}
}
