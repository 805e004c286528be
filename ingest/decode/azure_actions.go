package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureKeyVaultActions maps Key Vault's secret operations onto the catalogue.
var azureKeyVaultActions = map[string]string{
	"secretget": "secret.read", "secretbackup": "secret.read", "secretlist": "secret.list",
	"secretlistversions": "secret.list", "secretlistdeleted": "secret.list", "secretset": "secret.update",
	"secretupdate": "secret.update", "secretrestore": "secret.create", "secretrecover": "secret.update",
	"secretdelete": "secret.delete", "secretpurge": "secret.delete",
}

// azureReadsSecrets are the Activity Log operations that hand out a
// resource's credentials (storage account keys and SAS tokens, Cosmos DB
// and Cognitive Services keys, connection strings, an app's settings and
// publish profile, a registry's passwords); azureRotatesSecrets regenerate
// them.
var (
	azureReadsSecrets = []string{"/LISTKEYS/ACTION", "/LISTCONNECTIONSTRINGS/ACTION", "/LISTCREDENTIALS/ACTION",
		"/LISTACCOUNTSAS/ACTION", "/LISTSERVICESAS/ACTION", "/LISTQUERYKEYS/ACTION", "/LISTADMINKEYS/ACTION",
		"/LISTSECRETS/ACTION", "/CONFIG/LIST/ACTION", "/PUBLISHXML/ACTION", "/LISTREADONLYKEYS/ACTION"}
	azureRotatesSecrets = []string{"/REGENERATEKEY/ACTION", "/REGENERATEKEYS/ACTION", "/REGENERATEACCESSKEY/ACTION",
		"/REGENERATECREDENTIAL/ACTION", "/REGENERATEADMINKEYS/ACTION"}
)

// azureAction maps an operationName to a catalogue action; ok is false for
// any other operation, which keeps its name.
func azureAction(op string) (string, bool) {
	if a, ok := azureKeyVaultActions[strings.ToLower(op)]; ok {
		return a, true
	}
	upper := strings.ToUpper(op)
	for _, s := range azureReadsSecrets {
		if strings.HasSuffix(upper, s) {
			return "secret.read", true
		}
	}
	for _, s := range azureRotatesSecrets {
		if strings.HasSuffix(upper, s) {
			return "secret.update", true
		}
	}
	return op, false
}

// azureOutcome: a success is resultType Success (or Succeeded); a failure
// whose signature or HTTP status says the caller was not allowed
// (Forbidden, Unauthorized, 401, 403, AuthorizationFailed) is denied; any
// other result a failure. The signature goes to attrs.
func (r *reader) azureOutcome(v, props *fastjson.Value, status string, ev *event.Event) string {
	sigKey, codeKey := azKey(v, "resultSignature", "ResultSignature"), azKey(props, "httpStatusCode", "HttpStatusCode", "httpStatusCode_d")
	sig := r.str(v, sigKey, sigKey, r.limits.MaxString)
	code, _ := r.number(props, codeKey, "properties."+codeKey)
	detail := strings.ToLower(sig + " " + r.str(props, "statusCode", "properties.statusCode", r.limits.MaxString))
	switch s := strings.ToLower(status); {
	case (s == "success" || s == "succeeded") && code < 400:
		return "success"
	case code == 401 || code == 403 || strings.Contains(detail, "forbidden") || strings.Contains(detail, "unauthorized") ||
		strings.Contains(detail, "authorizationfailed"):
		setAttr(ev, "azure.result", sig)
		return "denied"
	case s == "" && code == 0:
		return event.OutcomeUnknown
	}
	setAttr(ev, "azure.result", sig)
	return "failure"
}
