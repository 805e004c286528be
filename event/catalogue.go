package event

import "slices"

// Formats an event can arrive in.
const (
	FormatV1         = "credwatch.v1"
	FormatOCSFAPI    = "ocsf.api_activity"   // OCSF class_uid 6003
	FormatOCSFAuth   = "ocsf.authentication" // OCSF class_uid 3002
	FormatOCSFIAM    = "ocsf.identity"       // OCSF Account Change, Authorize Session, Entity, User Access or Group Management
	FormatVault      = "vault.audit"         // HashiCorp Vault audit device
	FormatK8s        = "k8s.audit"           // Kubernetes audit.k8s.io/v1 Event
	FormatCloudTrail = "aws.cloudtrail"      // AWS CloudTrail record
	FormatGitHub     = "github.audit"        // GitHub audit log / audit log streaming
	FormatGCP        = "gcp.audit"           // Google Cloud Audit Logs entry (LogEntry with an AuditLog)
	FormatAzure      = "azure.monitor"       // Azure Key Vault, Activity Log or Entra ID sign-in or audit record
	FormatOkta       = "okta.system_log"     // Okta System Log LogEvent
	FormatWorkspace  = "google.workspace"    // Google Workspace Admin SDK Reports activity (OAuth token audit, logins)
	Format1Password  = "1password.events"    // 1Password Events API: item usage, sign-in attempts, audit events
)

// Actions is the catalogue of known actions. Other actions are stored as-is.
var Actions = []string{
	"secret.read", "secret.list", "secret.create", "secret.update", "secret.delete",
	"token.create", "token.use", "token.update_scopes", "token.revoke", "token.leak_reported",
	"space.duplicate", "space.build", "webhook.create", "org.member_add",
}

// OutcomeUnknown is the outcome of an event whose source did not say (OCSF
// status_id 0 Unknown or 99 Other): never assumed to be a success.
const OutcomeUnknown = "unknown"

// ActorAnonymous is the actor type of a request no principal made.
const ActorAnonymous = "anonymous"

// Enumerations of the contract's closed fields. An empty value is allowed
// where the field is optional; Outcome defaults to "success".
var (
	Outcomes     = []string{"success", "failure", "denied", OutcomeUnknown}
	ActorTypes   = []string{"user", "service", "space", "build", "job", ActorAnonymous}
	TokenKinds   = []string{"fine_grained", "read", "write", "oauth", "org_legacy", "session"}
	ResourceType = []string{"space", "model", "dataset", "secret", "token", "org", "webhook"}
	Visibilities = []string{"public", "private"}
	Phases       = []string{"build", "runtime"}
)

// OneOf reports whether v is one of set.
func OneOf(v string, set []string) bool { return slices.Contains(set, v) }
