package detect

// Facts are what the engine knows about an event before the event, handed
// to every rule as input.context so rules stay pure.
type Facts struct {
	// Learning: nothing has watched long enough to judge this event by —
	// the engine is younger than the learning period, or the credential,
	// its actor and its tenant all are. A credential never used before is
	// not learning on its own account: it is judged by its owner's and its
	// tenant's networks.
	Learning bool `json:"learning"`
	// CredentialLearning: the credential's own uses span less than the
	// learning period (or it has none), so its first-seen facts say little
	// without the actor's and the tenant's.
	CredentialLearning bool           `json:"credential_learning"`
	HistoryDays        int            `json:"history_days"` // since the credential's first use
	Uses               int            `json:"uses"`
	IdleDays           int            `json:"idle_days"` // whole days since its last use
	Late               bool           `json:"late"`      // behind the watermark
	FirstSeen          FirstSeen      `json:"first_seen"`
	Profile            Profile        `json:"profile"`
	KnownASNs          int            `json:"known_asns"`
	Travel             *Travel        `json:"travel,omitempty"`
	Actor              ActorFacts     `json:"actor"`
	Tenant             TenantFacts    `json:"tenant"`
	Network            NetworkFacts   `json:"network"`
	Window             *WindowFacts   `json:"window,omitempty"`   // on use actions
	Build              *BuildFacts    `json:"build,omitempty"`    // on a build's secret reads
	Scopes             *ScopeFacts    `json:"scopes,omitempty"`   // on token.update_scopes
	Crossing           *CrossingFacts `json:"crossing,omitempty"` // on a use across tenants
	// Namespace: on a service account's secret action outside its namespace.
	Namespace *NamespaceFacts `json:"namespace,omitempty"`
	Issued    *IssuedFacts    `json:"issued,omitempty"` // where the vendor says the token was issued
	Sequence  SequenceFacts   `json:"sequence"`
}

// FirstSeen says which of this event's values the credential has not used
// within the forget horizon.
type FirstSeen struct {
	ASN      bool `json:"asn"`
	Country  bool `json:"country"`
	UAFamily bool `json:"ua_family"`
}

// Profile is how usual each value is for the credential: UNSEEN, RARE
// (< 1% of uses), INFREQUENT (< 10%) or FREQUENT.
type Profile struct {
	ASN      string `json:"asn"`
	Country  string `json:"country"`
	UAFamily string `json:"ua_family"`
}

// ActorFacts are the acting principal's networks and clients across its
// credentials.
type ActorFacts struct {
	Learning  bool `json:"learning"` // the actor is younger than the learning period: "never used" means little
	KnownASN  bool `json:"known_asn"`
	KnownASNs int  `json:"known_asns"`
	// ASNHours: whole hours since the actor first used this network (as
	// far back as the forget horizon), 0 when it never did: a network it
	// has had for minutes is an attacker's server after their first call.
	ASNHours int `json:"asn_hours"`
	// KnownUAFamily: the actor used this event's user-agent family
	// (successfully, within the forget horizon) with any credential.
	KnownUAFamily bool         `json:"known_ua_family"`
	HistoryDays   int          `json:"history_days"`
	Window        *WindowFacts `json:"window,omitempty"` // the actor's window across its credentials, on use actions
}

// TenantFacts are the networks the event's tenant (every member, every
// credential) used.
type TenantFacts struct {
	Learning    bool `json:"learning"`  // the tenant is younger than the learning period
	KnownASN    bool `json:"known_asn"` // a member used this network within the forget horizon
	HistoryDays int  `json:"history_days"`
	// LeakReported: a leak report in the tenant that named no credential
	// (GitHub's secret scanning alert), within a day before.
	LeakReported *Step `json:"leak_reported,omitempty"`
}

// NetworkFacts are how common the source network is across every
// credential this engine sees.
type NetworkFacts struct {
	// Actors is how many distinct actors succeeded from this ASN (counted to
	// maxNetworkActors): a consumer ISP or VPN many users share is common, an
	// attacker's rented server is not.
	Actors int `json:"actors"`
}

// WindowFacts are the credential's activity in the window ending at this
// event (this event included), with the robust baseline of past windows'
// peak distinct counts.
type WindowFacts struct {
	Minutes  int         `json:"minutes"`
	Events   int         `json:"events"`
	Distinct int         `json:"distinct"` // distinct resources (or secrets) touched
	Denied   int         `json:"denied"`
	Baseline RobustStats `json:"baseline"`
}

// ScopeFacts compare an update's scopes with the credential's previous ones.
type ScopeFacts struct {
	Previous []string `json:"previous"`
	Added    []string `json:"added"`
}

// Travel compares this use with the credential's previous geolocated use.
type Travel struct {
	KM          float64 `json:"km"`
	Hours       float64 `json:"hours"`
	SpeedKMH    float64 `json:"speed_kmh"`
	FromCountry string  `json:"from_country"`
	ToCountry   string  `json:"to_country"`
	// SameNetwork: both uses came from one network (ASN, or one cloud
	// operator's ASNs), as a cloud provider's regions or a carrier's
	// roaming do.
	SameNetwork bool `json:"same_network,omitempty"`
}
