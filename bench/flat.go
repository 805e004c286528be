// Package bench measures credwatch ingest end to end against what a user
// would pick instead — ClickHouse's own JSONEachRow ingest and its Kafka
// table engine — on the same machine and the same generated events.
package bench

import (
	"encoding/json"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/store"
)

// flatRow is one events-table row as JSONEachRow, the columns of
// store.insertColumns, so ClickHouse's own ingest paths load exactly the rows
// credwatch stores.
type flatRow struct {
	ID                 string   `json:"id"`
	Time               string   `json:"time"`
	TimeMs             int64    `json:"time_ms"`
	Action             string   `json:"action"`
	Outcome            string   `json:"outcome"`
	Tenant             string   `json:"tenant"`
	ActorID            string   `json:"actor_id"`
	ActorType          string   `json:"actor_type"`
	ActorTenants       []string `json:"actor_tenants"`
	TokenID            string   `json:"token_id"`
	TokenKind          string   `json:"token_kind"`
	TokenScopes        []string `json:"token_scopes"`
	TokenOwner         string   `json:"token_owner"`
	TokenTenant        string   `json:"token_tenant"`
	TokenWorkload      string   `json:"token_workload"`
	TokenCreatedAt     string   `json:"token_created_at"`
	SecretID           string   `json:"secret_id"`
	SecretName         string   `json:"secret_name"`
	SecretTenant       string   `json:"secret_tenant"`
	SecretWorkload     string   `json:"secret_workload"`
	ResourceType       string   `json:"resource_type"`
	ResourceID         string   `json:"resource_id"`
	ResourceVisibility string   `json:"resource_visibility"`
	SourceIP           string   `json:"source_ip"`
	SourceASN          uint32   `json:"source_asn"`
	SourceASOrg        string   `json:"source_as_org"`
	SourceCountry      string   `json:"source_country"`
	SourceLat          float64  `json:"source_lat"`
	SourceLon          float64  `json:"source_lon"`
	SourceHasGeo       uint8    `json:"source_has_geo"`
	SourceUserAgent    string   `json:"source_user_agent"`
	SourceInternal     uint8    `json:"source_internal"`
	WorkloadID         string   `json:"workload_id"`
	WorkloadBuildID    string   `json:"workload_build_id"`
	WorkloadPhase      string   `json:"workload_phase"`
	SessionID          string   `json:"session_id"`
	RequestID          string   `json:"request_id"`
	AttrsKeys          []string `json:"attrs_keys"`
	AttrsValues        []string `json:"attrs_values"`
	Format             string   `json:"format"`
	Redactions         []string `json:"redactions"`
	Unmapped           string   `json:"unmapped"`
	Raw                string   `json:"raw"`
	KafkaTopic         string   `json:"kafka_topic"`
	KafkaPartition     int32    `json:"kafka_partition"`
	KafkaOffset        int64    `json:"kafka_offset"`
	IngestedAt         string   `json:"ingested_at"`
}

// clickhouseTime is DateTime's text form.
const clickhouseTime = "2006-01-02 15:04:05"

// flatJSON renders a decoded event as a JSONEachRow line.
func flatJSON(e *event.Event, ingestedAt time.Time) ([]byte, error) {
	keys, values := store.SortedAttrs(e.Attrs)
	created := time.Unix(0, 0).UTC()
	if !e.Token.CreatedAt.IsZero() {
		created = e.Token.CreatedAt
	}
	return json.Marshal(flatRow{
		ID: e.ID, Time: e.Time.Format(clickhouseTime), TimeMs: e.Time.UnixMilli(), Action: e.Action,
		Outcome: e.Outcome, Tenant: e.Tenant, ActorID: e.Actor.ID, ActorType: e.Actor.Type,
		ActorTenants: store.NonNil(e.Actor.Tenants), TokenID: e.Token.ID, TokenKind: e.Token.Kind,
		TokenScopes: store.NonNil(e.Token.Scopes), TokenOwner: e.Token.Owner, TokenTenant: e.Token.Tenant,
		TokenWorkload: e.Token.Workload, TokenCreatedAt: created.Format(clickhouseTime),
		SecretID: e.Secret.ID, SecretName: e.Secret.Name, SecretTenant: e.Secret.Tenant,
		SecretWorkload: e.Secret.Workload, ResourceType: e.Resource.Type, ResourceID: e.Resource.ID,
		ResourceVisibility: e.Resource.Visibility, SourceIP: e.Source.IP, SourceASN: e.Source.ASN,
		SourceASOrg: e.Source.ASOrg, SourceCountry: e.Source.Country, SourceLat: e.Source.Lat,
		SourceLon: e.Source.Lon, SourceHasGeo: store.BoolUInt8(e.Source.HasGeo), SourceUserAgent: e.Source.UserAgent,
		SourceInternal: store.BoolUInt8(e.Source.Internal), WorkloadID: e.Workload.ID, WorkloadBuildID: e.Workload.BuildID,
		WorkloadPhase: e.Workload.Phase, SessionID: e.SessionID, RequestID: e.RequestID,
		AttrsKeys: keys, AttrsValues: values, Format: e.Format, Redactions: store.NonNil(e.Redactions),
		Unmapped: string(e.Unmapped), Raw: string(e.Raw), KafkaTopic: "bench", IngestedAt: ingestedAt.UTC().Format(clickhouseTime),
	})
}
