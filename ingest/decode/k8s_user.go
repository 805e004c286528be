package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// Keys of user.extra the API server's authenticators set.
const (
	k8sCredentialID = "authentication.kubernetes.io/credential-id" // JTI=… (service account token), X509SHA256=… (client cert)
	k8sPodName      = "authentication.kubernetes.io/pod-name"
	k8sPodUID       = "authentication.kubernetes.io/pod-uid"
	k8sNodeName     = "authentication.kubernetes.io/node-name"
)

// k8sIdentity sets the actor (the impersonated user when there is one, the
// authenticated user then kept as k8s.impersonator), the credential the
// event is about (the caller's, or the one a TokenRequest minted or a
// TokenReview checked, the caller's then in k8s.caller_credential_id) and
// the workload the caller's token is bound to.
func (r *reader) k8sIdentity(ev *event.Event, v *fastjson.Value, t k8sTarget) {
	n := r.limits.MaxString
	user := r.obj(v, "user", "user")
	name := r.str(user, "username", "user.username", n)
	actor, groups, groupsPath := name, user, "user.groups"
	if imp := r.obj(v, "impersonatedUser", "impersonatedUser"); imp != nil {
		if as := r.str(imp, "username", "impersonatedUser.username", n); as != "" {
			actor, groups, groupsPath = as, imp, "impersonatedUser.groups"
			setAttr(ev, "k8s.impersonator", name)
		}
	}
	ev.Actor = event.Actor{ID: actor, Type: k8sActorType(actor)}
	setAttr(ev, "k8s.groups", joinBounded(r.strList(groups, "groups", groupsPath), r.limits.MaxText))
	caller := r.k8sCredential(ev, r.obj(user, "extra", "user.extra"), name)
	switch t.token {
	case k8sTokenIssued:
		ev.Token = r.k8sIssued(v, t, ev)
		setAttr(ev, "k8s.caller_credential_id", caller.ID)
	case k8sTokenReviewed:
		ev.Token = r.k8sReviewed(v)
		setAttr(ev, "k8s.caller_credential_id", caller.ID)
	default:
		ev.Token = caller
	}
	if ev.Resource.Type == "token" {
		ev.Resource.ID = firstNonEmpty(ev.Token.ID, nsName(t.namespace, t.name))
	}
}

// k8sCredential reads the authenticated user's credential from user.extra:
// its credential-id, else the access key id EKS's IAM authenticator sets,
// else for a service account "serviceaccount:<namespace>/<name>". A
// service account owns its token; the pod the token is bound to is the
// token's and the event's workload.
func (r *reader) k8sCredential(ev *event.Event, extra *fastjson.Value, name string) event.Token {
	tok := event.Token{ID: firstNonEmpty(r.extra(extra, k8sCredentialID, "user.extra"), r.extra(extra, "accessKeyId", "user.extra"))}
	saNS, saName, isSA := serviceAccount(name)
	if tok.ID == "" && isSA {
		// A legacy Secret-held token, or a bound one before Kubernetes 1.29
		// named no credential: the service account's tokens are judged as one.
		tok.ID = "serviceaccount:" + saNS + "/" + saName
	}
	if tok.ID != "" || isSA {
		tok.Owner = name
	}
	if pod := r.extra(extra, k8sPodName, "user.extra"); pod != "" && isSA {
		tok.Workload = "pod:" + saNS + "/" + pod
		ev.Workload.ID = tok.Workload
	}
	setAttr(ev, "k8s.pod_uid", r.extra(extra, k8sPodUID, "user.extra"))
	setAttr(ev, "k8s.node", r.extra(extra, k8sNodeName, "user.extra"))
	setAttr(ev, "k8s.aws_arn", r.extra(extra, "canonicalArn", "user.extra"))
	return tok
}

// extra reads the first value of one key of a user's extra (each a list).
func (r *reader) extra(extra *fastjson.Value, key, path string) string {
	if extra == nil || extra.Get(key) == nil {
		return ""
	}
	vals := r.strList(extra, key, path+"."+key)
	if len(vals) == 0 || vals[0] == "" {
		return ""
	}
	if isPlaceholder(vals[0]) {
		r.warn(path+"."+key, ReasonPlaceholder)
		return ""
	}
	return vals[0]
}

// k8sActorType: service accounts, nodes and the control plane's own
// components (system:kube-*, system:apiserver) are services,
// system:anonymous is anonymous, every other name a user.
func k8sActorType(name string) string {
	switch {
	case name == "":
		return ""
	case name == "system:anonymous":
		return event.ActorAnonymous
	case strings.HasPrefix(name, "system:serviceaccount:"), strings.HasPrefix(name, "system:node:"),
		strings.HasPrefix(name, "system:kube-"), name == "system:apiserver":
		return "service"
	}
	return "user"
}

// serviceAccount splits "system:serviceaccount:<namespace>:<name>".
func serviceAccount(user string) (ns, name string, ok bool) {
	rest, ok := strings.CutPrefix(user, "system:serviceaccount:")
	if !ok {
		return "", "", false
	}
	ns, name, ok = strings.Cut(rest, ":")
	return ns, name, ok && ns != "" && name != ""
}
