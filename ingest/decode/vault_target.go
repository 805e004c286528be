package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// vaultTarget is what a request acts on: its action, the secret or other
// resource its path names, and which auth object describes its token.
type vaultTarget struct {
	action   string
	secret   event.Secret
	resource event.Resource
	auth     vaultAuthSet
	login    bool   // an auth method's login: the entry's auth is the new token
	path     string // the namespace path and request path (vault.path)
	mount    string // request.mount_type (vault.mount_type)
}

// vaultTarget classifies request.path: token endpoints, auth method logins,
// secrets engines, then anything else (sys/, identity/, engine
// configuration) as vault.<operation> with the path as the resource.
func (r *reader) vaultTarget(v, req *fastjson.Value, ns string) vaultTarget {
	op := r.required(req, "operation", "request.operation", r.limits.MaxString)
	path := strings.TrimPrefix(r.str(req, "path", "request.path", r.limits.MaxText), "/")
	t := vaultTarget{action: "vault." + op, mount: r.str(req, "mount_type", "request.mount_type", r.limits.MaxString)}
	if path != "" {
		t.path = ns + path
		t.resource.ID = t.path
	}
	switch {
	case strings.HasPrefix(path, "auth/token/"):
		vaultTokenEndpoint(&t, path[len("auth/token/"):], ns)
	case strings.HasPrefix(path, "auth/"):
		_, rest := vaultMount(path, r.str(req, "mount_point", "request.mount_point", r.limits.MaxString))
		if strings.Contains("/"+rest+"/", "/login/") || v.Get("response", "auth", "accessor") != nil {
			t.action, t.auth, t.login = "token.create", authNew, true
			t.resource = event.Resource{Type: "token"}
		}
	case path == "sys", strings.HasPrefix(path, "sys/"), strings.HasPrefix(path, "identity/"):
	default:
		mount, rest := vaultMount(path, r.str(req, "mount_point", "request.mount_point", r.limits.MaxString))
		vaultSecret(&t, ns+mount, rest, op, t.mount)
	}
	return t
}

// vaultTokenEndpoint classifies auth/token/<endpoint>[/…]. Only the endpoint
// name is kept as the resource: old clients put token values in the path.
func vaultTokenEndpoint(t *vaultTarget, endpoint, ns string) {
	name, _, _ := strings.Cut(endpoint, "/")
	t.path = ns + "auth/token/" + name
	t.resource = event.Resource{ID: t.path}
	switch {
	case strings.HasPrefix(name, "create"):
		t.action, t.auth = "token.create", authNew
	case strings.HasPrefix(name, "revoke"):
		t.action = "token.revoke"
	case strings.HasPrefix(name, "lookup"):
		t.action = "token.lookup"
	default:
		return
	}
	t.resource = event.Resource{Type: "token"}
	switch {
	case t.auth == authNew, strings.HasSuffix(name, "-self"):
	case strings.HasSuffix(name, "-accessor"):
		t.auth = authAccessor
	default: // revoke, revoke-orphan, lookup: the token is in the body
		t.auth = authByValue
	}
}

// vaultMount splits path into its mount (without the trailing slash) and the
// path below it: by request.mount_point when logged, else by the first
// segment (the first two under auth/).
func vaultMount(path, mountPoint string) (mount, rest string) {
	if strings.HasSuffix(mountPoint, "/") && strings.HasPrefix(path, mountPoint) {
		return strings.TrimSuffix(mountPoint, "/"), path[len(mountPoint):]
	}
	skip := 0
	if strings.HasPrefix(path, "auth/") {
		skip = len("auth/")
	}
	i := strings.IndexByte(path[skip:], '/')
	if i < 0 {
		return path, ""
	}
	return path[:skip+i], path[skip+i+1:]
}

// lastSegment is the last non-empty segment of a slash-separated path.
func lastSegment(p string) string {
	p = strings.TrimRight(p, "/")
	return p[strings.LastIndexByte(p, '/')+1:]
}
