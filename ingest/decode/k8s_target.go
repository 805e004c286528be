package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// k8sTarget is what an audit event acts on.
type k8sTarget struct {
	action      string
	secret      event.Secret
	resource    event.Resource
	namespace   string
	name        string
	token       k8sTokenSet
	annotations *fastjson.Value
}

// k8sTokenSet names the credential an event is about.
type k8sTokenSet int

const (
	k8sTokenCaller   k8sTokenSet = iota // the caller's own credential
	k8sTokenIssued                      // the token a TokenRequest minted
	k8sTokenReviewed                    // the token a TokenReview checked
)

// k8sSecretVerbs maps a verb on a Secret to its action.
var k8sSecretVerbs = map[string]string{
	"get": "secret.read", "list": "secret.list", "watch": "secret.list", "create": "secret.create",
	"update": "secret.update", "patch": "secret.update", "delete": "secret.delete", "deletecollection": "secret.delete",
}

// k8sTarget classifies objectRef and verb: core Secrets, the service
// account token subresource (TokenRequest), TokenReviews, then anything else
// as k8s.<resource>[.<subresource>].<verb>, and a non-resource request
// (no objectRef) as k8s.<verb> on its URI path (the query is dropped).
func (r *reader) k8sTarget(v *fastjson.Value) k8sTarget {
	n := r.limits.MaxString
	verb := r.required(v, "verb", "verb", n)
	ref := r.obj(v, "objectRef", "objectRef")
	res := r.str(ref, "resource", "objectRef.resource", n)
	sub := r.str(ref, "subresource", "objectRef.subresource", n)
	group := r.str(ref, "apiGroup", "objectRef.apiGroup", n)
	t := k8sTarget{namespace: r.str(ref, "namespace", "objectRef.namespace", n), name: r.str(ref, "name", "objectRef.name", n)}
	switch {
	case res == "":
		t.action = "k8s." + verb
		path, _, _ := strings.Cut(r.str(v, "requestURI", "requestURI", r.limits.MaxText), "?")
		t.resource.ID = path
	case res == "secrets" && group == "" && sub == "":
		t.action = k8sSecretVerbs[verb]
		if t.action == "" {
			t.action = "k8s.secrets." + verb
		}
		id := nsName(t.namespace, t.name)
		t.secret = event.Secret{ID: id, Name: t.name}
		t.resource = event.Resource{Type: "secret", ID: id}
	case res == "serviceaccounts" && group == "" && sub == "token" && verb == "create":
		t.action, t.token, t.resource.Type = "token.create", k8sTokenIssued, "token"
	case res == "tokenreviews" && group == "authentication.k8s.io" && verb == "create":
		t.action, t.token, t.resource.Type = "token.review", k8sTokenReviewed, "token"
	default:
		t.action = "k8s." + res + "." + verb
		if sub != "" {
			t.action = "k8s." + res + "." + sub + "." + verb
		}
		t.resource.ID = strings.TrimSuffix(res+"/"+nsName(t.namespace, t.name), "/")
	}
	return t
}

// nsName is "<namespace>/<name>", or the name alone outside a namespace. A
// list in a namespace is "<namespace>/".
func nsName(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "/" + name
}
