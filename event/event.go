// Package event defines credwatch's audit event (contract v1): what a platform
// says happened to a secret or a token, after decoding, validation and scrubbing.
package event

import "time"

// Event is one validated, scrubbed audit event. Strings hold no raw credential
// material: the decoder replaced any with a keyed "redacted:" reference.
type Event struct {
	ID        string            `json:"id"`
	Time      time.Time         `json:"time"` // UTC, millisecond precision
	Action    string            `json:"action"`
	Outcome   string            `json:"outcome"`
	Tenant    string            `json:"tenant"`
	Actor     Actor             `json:"actor"`
	Token     Token             `json:"token,omitzero"`
	Secret    Secret            `json:"secret,omitzero"`
	Resource  Resource          `json:"resource,omitzero"`
	Source    Source            `json:"source,omitzero"`
	Workload  Workload          `json:"workload,omitzero"`
	SessionID string            `json:"session_id,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
	Attrs     map[string]string `json:"attrs,omitempty"`

	Format     string   `json:"format,omitempty"`     // one of the Format constants
	Redactions []string `json:"redactions,omitempty"` // kinds of credential material removed, one per match
	Warnings   []string `json:"warnings,omitempty"`   // "field:reason" for each field blanked or normalised
	Raw        []byte   `json:"-"`                    // the scrubbed original message
	Unmapped   []byte   `json:"-"`                    // what the mapping did not carry of it, scrubbed JSON (when the decoder computes it)
}

// Actor is who acted.
type Actor struct {
	ID      string   `json:"id"`
	Type    string   `json:"type,omitempty"`
	Tenants []string `json:"tenants,omitempty"`
}

// Token is the credential used or acted on; ID is a stable id or fingerprint.
type Token struct {
	ID        string    `json:"id,omitempty"`
	Kind      string    `json:"kind,omitempty"`
	Scopes    []string  `json:"scopes,omitempty"`
	Owner     string    `json:"owner,omitempty"`
	Tenant    string    `json:"tenant,omitempty"`
	Workload  string    `json:"workload,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"` // zero when unknown
}

// Secret is the stored secret read or changed.
type Secret struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Tenant   string `json:"tenant,omitempty"`
	Workload string `json:"workload,omitempty"`
}

// Resource is the object acted on.
type Resource struct {
	Type       string `json:"type,omitempty"`
	ID         string `json:"id,omitempty"`
	Visibility string `json:"visibility,omitempty"`
}

// Source is where the request came from.
type Source struct {
	IP        string  `json:"ip,omitempty"`
	ASN       uint32  `json:"asn,omitempty"`
	ASOrg     string  `json:"as_org,omitempty"`
	Country   string  `json:"country,omitempty"`
	Lat       float64 `json:"lat,omitzero"`
	Lon       float64 `json:"lon,omitzero"`
	HasGeo    bool    `json:"-"` // lat/lon were given
	UserAgent string  `json:"user_agent,omitempty"`
	Internal  bool    `json:"internal,omitempty"`
}

// Workload is the platform workload (Space build or runtime, job) that acted.
type Workload struct {
	ID      string `json:"id,omitempty"`
	BuildID string `json:"build_id,omitempty"`
	Phase   string `json:"phase,omitempty"`
}

// PartitionKey is the event's Kafka key: the principal that owns its
// token, else the actor. A token keeps one owner for life, even when a
// Space or a thief acts with it, so the owner's partition holds the whole
// history of each of its credentials and of the owner's own actions: the
// actor-keyed sequences (revoke, then a new token; duplicate a Space, then
// probe it) and a build's reads, whatever secret they name.
// Anonymous events share no principal state and are keyed by their
// credential, else their id, to spread them. Producers, the re-key stage,
// detect's warm start and the bench's shards all use it.
func (e *Event) PartitionKey() string {
	if e.Token.Owner != "" {
		return e.Token.Owner
	}
	if e.Actor.ID != "" && e.Actor.Type != ActorAnonymous {
		return e.Actor.ID
	}
	if c := e.Credential(); c != "" {
		return c
	}
	return e.ID
}

// Credential returns the credential the event is about: the token id, else
// the secret id, else "".
func (e *Event) Credential() string {
	if e.Token.ID != "" {
		return e.Token.ID
	}
	return e.Secret.ID
}
