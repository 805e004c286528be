package decode

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/valyala/fastjson"
)

// Keys that tell a format, found in one pass over the top-level object.
const (
	hasClassUID = 1 << iota
	hasEventVersion
	hasEventSource
	hasDetail
	hasAuditID
	hasVaultType
	hasRequestObject
	hasGitHubStamp // @timestamp or _document_id
	hasTenant
	hasActorLogin // "actor" as a string
	hasGitHubOrg  // org, business, actor_id or created_at
	hasProtoPayload
	hasOperationName
	hasResourceID
	hasEntraLog // an Entra ID sign-in or audit log's category or Log Analytics table
	hasCreatedDateTime
	hasAppID
	hasActivityDateTime
	hasActivityName
	hasEventType // Okta's eventType …
	hasPublished // … beside its published
	hasEventDataID
	hasEventTimestamp
	hasInsightDetails
)

// sniff tells a message's format by the fields only that format has.
func sniff(v *fastjson.Value) string {
	k := tellingKeys(v)
	switch {
	case k&hasClassUID != 0:
		return FormatOCSF
	case k&hasProtoPayload != 0:
		return FormatGCP
	case k&(hasOperationName|hasResourceID) == hasOperationName|hasResourceID, k&(hasOperationName|hasEntraLog) == hasOperationName|hasEntraLog,
		k&(hasCreatedDateTime|hasAppID) == hasCreatedDateTime|hasAppID,                 // a Microsoft Graph signIn
		k&(hasActivityDateTime|hasActivityName) == hasActivityDateTime|hasActivityName, // a Graph directoryAudit
		k&(hasEventDataID|hasEventTimestamp) == hasEventDataID|hasEventTimestamp:       // an Activity Log event from its REST API
		return FormatAzure
	case k&(hasEventType|hasPublished) == hasEventType|hasPublished:
		return FormatOkta
	case k&(hasEventVersion|hasEventSource) == hasEventVersion|hasEventSource, k&hasDetail != 0 && isCloudTrailEnvelope(v),
		k&(hasEventVersion|hasInsightDetails) == hasEventVersion|hasInsightDetails:
		return FormatCloudTrail
	case k&hasAuditID != 0 && isK8sAudit(v):
		return FormatK8s
	case isWorkspaceActivity(v):
		return FormatWorkspace
	case isOnePassword(v):
		return Format1Password
	case k&(hasVaultType|hasRequestObject) == hasVaultType|hasRequestObject:
		return FormatVault
	case k&hasGitHubStamp != 0, k&(hasActorLogin|hasGitHubOrg|hasTenant) == hasActorLogin|hasGitHubOrg:
		// GitHub names the actor by login (a string; credwatch's own actor
		// is an object) beside its own fields.
		return FormatGitHub
	}
	return FormatCredwatch
}

// tellingKeys visits the object's keys once.
func tellingKeys(v *fastjson.Value) int {
	o, _ := v.Object()
	k := 0
	o.Visit(func(key []byte, c *fastjson.Value) {
		if f, ok := plainTellingKeys[string(key)]; ok {
			k |= f
			return
		}
		switch string(key) {
		case "type":
			if isVaultType(c.GetStringBytes()) {
				k |= hasVaultType
			}
		case "request":
			if c.Type() == fastjson.TypeObject {
				k |= hasRequestObject
			}
		case "actor":
			if c.Type() == fastjson.TypeString {
				k |= hasActorLogin
			}
		case "category", "Category", "Type":
			if s := strings.ToLower(string(c.GetStringBytes())); azureSignInLogs[s] != signInNone || s == "auditlogs" || s == "microsoftgraphactivitylogs" {
				k |= hasEntraLog
			}
		case "protoPayload":
			if c.Type() == fastjson.TypeObject {
				k |= hasProtoPayload
			}
		}
	})
	return k
}

// plainTellingKeys are the keys that tell a format whatever their value.
var plainTellingKeys = map[string]int{
	"class_uid": hasClassUID, "eventVersion": hasEventVersion, "eventSource": hasEventSource, "detail": hasDetail,
	"auditID": hasAuditID, "@timestamp": hasGitHubStamp, "_document_id": hasGitHubStamp, "tenant": hasTenant,
	"org": hasGitHubOrg, "business": hasGitHubOrg, "actor_id": hasGitHubOrg, "created_at": hasGitHubOrg,
	"operationName": hasOperationName, "OperationName": hasOperationName, "resourceId": hasResourceID,
	"ResourceId": hasResourceID, "_ResourceId": hasResourceID, "createdDateTime": hasCreatedDateTime, "appId": hasAppID,
	"activityDateTime": hasActivityDateTime, "activityDisplayName": hasActivityName, "eventType": hasEventType,
	"published": hasPublished, "eventDataId": hasEventDataID, "eventTimestamp": hasEventTimestamp, "insightDetails": hasInsightDetails,
}

// isVaultType reports a Vault audit entry's type: request or response,
// or the KMIP secrets engine's kmip-request or kmip-response.
func isVaultType(t []byte) bool {
	t = bytes.TrimPrefix(t, []byte("kmip-"))
	return string(t) == "request" || string(t) == "response"
}

// derivedID names an event that carries no id by its content, so a replay
// of the same message collapses onto the same row.
func derivedID(v *fastjson.Value) string {
	sum := sha256.Sum256(v.MarshalTo(nil))
	return "sha256:" + hex.EncodeToString(sum[:16])
}
