package store

import (
	"strings"
	"time"
)

// eventColumns holds one batch column by column, in insertColumns order.
// Appending whole columns keeps the per-event cost of an insert low.
type eventColumns struct {
	id, action, outcome, tenant, actorID, actorType                       []string
	time, tokenCreatedAt, ingestedAt                                      []time.Time
	timeMs                                                                []uint64
	actorTenants, tokenScopes, attrsKeys, attrsValues, redactions         [][]string
	warnings                                                              [][]string
	unmapped                                                              []string
	tokenID, tokenKind, tokenOwner, tokenTenant, tokenWorkload            []string
	secretID, secretName, secretTenant, secretWorkload                    []string
	resourceType, resourceID, resourceVisibility                          []string
	sourceIP, sourceASOrg, sourceCountry, sourceUserAgent                 []string
	sourceASN                                                             []uint32
	sourceLat, sourceLon                                                  []float64
	sourceHasGeo, sourceInternal                                          []uint8
	workloadID, workloadBuildID, workloadPhase, sessionID, requestID, fmt []string
	raw, kafkaTopic                                                       []string
	kafkaPartition                                                        []int32
	kafkaOffset                                                           []int64
}

// insertColumns names the columns in the order values() returns them.
var insertColumns = []string{
	"id", "time", "time_ms", "action", "outcome", "tenant",
	"actor_id", "actor_type", "actor_tenants",
	"token_id", "token_kind", "token_scopes", "token_owner", "token_tenant", "token_workload", "token_created_at",
	"secret_id", "secret_name", "secret_tenant", "secret_workload",
	"resource_type", "resource_id", "resource_visibility",
	"source_ip", "source_asn", "source_as_org", "source_country", "source_lat", "source_lon",
	"source_has_geo", "source_user_agent", "source_internal",
	"workload_id", "workload_build_id", "workload_phase", "session_id", "request_id",
	"attrs_keys", "attrs_values", "format", "redactions", "warnings", "unmapped", "raw",
	"kafka_topic", "kafka_partition", "kafka_offset", "ingested_at",
}

// insertStatement is the INSERT with its column list (18.16 needs the list).
var insertStatement = "INSERT INTO events (" + strings.Join(insertColumns, ", ") + ")"

func (c *eventColumns) values() []any {
	return []any{
		c.id, c.time, c.timeMs, c.action, c.outcome, c.tenant,
		c.actorID, c.actorType, c.actorTenants,
		c.tokenID, c.tokenKind, c.tokenScopes, c.tokenOwner, c.tokenTenant, c.tokenWorkload, c.tokenCreatedAt,
		c.secretID, c.secretName, c.secretTenant, c.secretWorkload,
		c.resourceType, c.resourceID, c.resourceVisibility,
		c.sourceIP, c.sourceASN, c.sourceASOrg, c.sourceCountry, c.sourceLat, c.sourceLon,
		c.sourceHasGeo, c.sourceUserAgent, c.sourceInternal,
		c.workloadID, c.workloadBuildID, c.workloadPhase, c.sessionID, c.requestID,
		c.attrsKeys, c.attrsValues, c.fmt, c.redactions, c.warnings, c.unmapped, c.raw,
		c.kafkaTopic, c.kafkaPartition, c.kafkaOffset, c.ingestedAt,
	}
}

// add appends one record.
func (c *eventColumns) add(r *Record, ingestedAt time.Time) {
	e := &r.Event
	c.id = append(c.id, e.ID)
	c.time = append(c.time, dateTime(e.Time))
	c.timeMs = append(c.timeMs, uint64(max(e.Time.UnixMilli(), 0)))
	c.action = append(c.action, e.Action)
	c.outcome = append(c.outcome, e.Outcome)
	c.tenant = append(c.tenant, e.Tenant)
	c.actorID = append(c.actorID, e.Actor.ID)
	c.actorType = append(c.actorType, e.Actor.Type)
	c.actorTenants = append(c.actorTenants, NonNil(e.Actor.Tenants))
	c.tokenID = append(c.tokenID, e.Token.ID)
	c.tokenKind = append(c.tokenKind, e.Token.Kind)
	c.tokenScopes = append(c.tokenScopes, NonNil(e.Token.Scopes))
	c.tokenOwner = append(c.tokenOwner, e.Token.Owner)
	c.tokenTenant = append(c.tokenTenant, e.Token.Tenant)
	c.tokenWorkload = append(c.tokenWorkload, e.Token.Workload)
	c.tokenCreatedAt = append(c.tokenCreatedAt, dateTime(e.Token.CreatedAt))
	c.secretID = append(c.secretID, e.Secret.ID)
	c.secretName = append(c.secretName, e.Secret.Name)
	c.secretTenant = append(c.secretTenant, e.Secret.Tenant)
	c.secretWorkload = append(c.secretWorkload, e.Secret.Workload)
	c.resourceType = append(c.resourceType, e.Resource.Type)
	c.resourceID = append(c.resourceID, e.Resource.ID)
	c.resourceVisibility = append(c.resourceVisibility, e.Resource.Visibility)
	c.addSource(r)
	c.workloadID = append(c.workloadID, e.Workload.ID)
	c.workloadBuildID = append(c.workloadBuildID, e.Workload.BuildID)
	c.workloadPhase = append(c.workloadPhase, e.Workload.Phase)
	c.sessionID = append(c.sessionID, e.SessionID)
	c.requestID = append(c.requestID, e.RequestID)
	keys, vals := SortedAttrs(e.Attrs)
	c.attrsKeys = append(c.attrsKeys, keys)
	c.attrsValues = append(c.attrsValues, vals)
	c.fmt = append(c.fmt, e.Format)
	c.redactions = append(c.redactions, NonNil(e.Redactions))
	c.warnings = append(c.warnings, NonNil(e.Warnings))
	c.unmapped = append(c.unmapped, string(e.Unmapped))
	c.raw = append(c.raw, string(e.Raw))
	c.kafkaTopic = append(c.kafkaTopic, r.Origin.Topic)
	c.kafkaPartition = append(c.kafkaPartition, r.Origin.Partition)
	c.kafkaOffset = append(c.kafkaOffset, r.Origin.Offset)
	c.ingestedAt = append(c.ingestedAt, ingestedAt)
}

func (c *eventColumns) addSource(r *Record) {
	s := &r.Event.Source
	c.sourceIP = append(c.sourceIP, s.IP)
	c.sourceASN = append(c.sourceASN, s.ASN)
	c.sourceASOrg = append(c.sourceASOrg, s.ASOrg)
	c.sourceCountry = append(c.sourceCountry, s.Country)
	c.sourceLat = append(c.sourceLat, s.Lat)
	c.sourceLon = append(c.sourceLon, s.Lon)
	c.sourceHasGeo = append(c.sourceHasGeo, BoolUInt8(s.HasGeo))
	c.sourceUserAgent = append(c.sourceUserAgent, s.UserAgent)
	c.sourceInternal = append(c.sourceInternal, BoolUInt8(s.Internal))
}
