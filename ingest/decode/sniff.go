package decode

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"github.com/valyala/fastjson"
)

// sniff tells a message's format by the fields only that format has.
func sniff(v *fastjson.Value) string {
	switch {
	case v.Exists("class_uid"):
		return FormatOCSF
	case v.Exists("eventVersion") && v.Exists("eventSource"), isCloudTrailEnvelope(v):
		return FormatCloudTrail
	case v.Exists("auditID") && bytes.HasPrefix(v.GetStringBytes("apiVersion"), []byte("audit.k8s.io/")):
		return FormatK8s
	case isVault(v):
		return FormatVault
	case isGitHub(v):
		return FormatGitHub
	}
	return FormatCredwatch
}

// isVault: a Vault audit entry is a "request" or "response" with a request object.
func isVault(v *fastjson.Value) bool {
	t := string(v.GetStringBytes("type"))
	return (t == "request" || t == "response") && v.Get("request") != nil && v.Get("request").Type() == fastjson.TypeObject
}

// isGitHub: GitHub audit entries carry @timestamp or a _document_id, or
// name the actor by login (a string, where credwatch's own actor is an
// object) beside GitHub's own fields.
func isGitHub(v *fastjson.Value) bool {
	if v.Exists("_document_id") || v.Exists("@timestamp") {
		return true
	}
	a := v.Get("actor")
	if a == nil || a.Type() != fastjson.TypeString || v.Exists("tenant") {
		return false
	}
	return v.Exists("org") || v.Exists("business") || v.Exists("actor_id") || v.Exists("created_at")
}

// derivedID names an event that carries no id by its content, so a replay
// of the same message collapses onto the same row.
func derivedID(v *fastjson.Value) string {
	sum := sha256.Sum256(v.MarshalTo(nil))
	return "sha256:" + hex.EncodeToString(sum[:16])
}
