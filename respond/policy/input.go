package policy

// Input is what the response policy sees for one alert. Its JSON form is the
// policy's input document.
type Input struct {
	Alert      Alert      `json:"alert"`
	Rule       Rule       `json:"rule"`
	Credential Credential `json:"credential"`
	AllowList  AllowList  `json:"allow_list"`
	Counts     Counts     `json:"counts"`
}

// Alert is the alert being answered, as the detection stage published it.
type Alert struct {
	ID         string         `json:"id"`
	Rule       string         `json:"rule"`
	Severity   string         `json:"severity"` // the alert's own, which a rule may raise or lower
	Tier       string         `json:"tier"`
	Tenant     string         `json:"tenant"`
	Credential string         `json:"credential"` // the alert's subject: a credential id, or a build or actor
	Actor      string         `json:"actor"`
	Reason     string         `json:"reason"`
	Count      int            `json:"count"`
	Update     string         `json:"update"` // new, escalated (or evidence)
	Facts      map[string]any `json:"facts"`  // the rule's facts
}

// Rule is the detection rule that raised the alert, from its # METADATA.
type Rule struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Severity string `json:"severity"`
	Tier     string `json:"tier"`
}

// Credential is what the platform knows about the alert's credential.
type Credential struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"` // fine_grained, read, write, oauth, org_legacy, ...
	Scopes   []string `json:"scopes"`
	Tenant   string   `json:"tenant"`
	Owner    string   `json:"owner"`
	Workload string   `json:"workload"` // the workload a token is bound to, if any
	Known    bool     `json:"known"`    // false when the inventory has no such credential
}

// AllowList holds credentials and tenants that are never revoked automatically.
type AllowList struct {
	Credentials []string `json:"credentials"`
	Tenants     []string `json:"tenants"`
}

// Counts are the automatic revocations already made in the current window
// and their caps; a cap of 0 means no cap.
type Counts struct {
	Tenant    int    `json:"tenant"`
	Global    int    `json:"global"`
	TenantCap int    `json:"tenant_cap"`
	GlobalCap int    `json:"global_cap"`
	Window    string `json:"window"` // e.g. "10m"
}

// Decision is the policy's answer for one alert.
type Decision struct {
	Action string `json:"action"`
	Reason string `json:"reason"`
}

// Actions a decision can take.
const (
	ActionAuto    = "auto"    // revoke now
	ActionApprove = "approve" // hold the revocation for an analyst
	ActionNotify  = "notify"  // webhook only
	ActionNone    = "none"    // record only
)

// ValidAction reports whether a is one of the four actions.
func ValidAction(a string) bool {
	switch a {
	case ActionAuto, ActionApprove, ActionNotify, ActionNone:
		return true
	}
	return false
}
