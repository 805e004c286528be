package decode

import (
	"bytes"

	"github.com/valyala/fastjson"
)

// isK8sAudit reports a Kubernetes audit event beside its auditID: its
// apiVersion, or (where a pipeline dropped that) its verb and requestURI.
func isK8sAudit(v *fastjson.Value) bool {
	return bytes.HasPrefix(v.GetStringBytes("apiVersion"), []byte("audit.k8s.io/")) ||
		v.Get("apiVersion") == nil && v.Get("verb") != nil && v.Get("requestURI") != nil
}

// isK8sEventList reports what a Kubernetes API server's audit webhook
// backend posts: an audit.k8s.io EventList, its events in items.
func isK8sEventList(v *fastjson.Value) bool {
	return string(v.GetStringBytes("kind")) == "EventList" && v.Get("items") != nil &&
		bytes.HasPrefix(v.GetStringBytes("apiVersion"), []byte("audit.k8s.io/"))
}
