-- +goose NO TRANSACTION
-- +goose Up
-- One row per alert revision (package alertsink writes every update).
-- ReplacingMergeTree(revision) keyed on (tenant, id): the newest revision of
-- an alert wins, and a replayed revision collapses onto itself; read through
-- alerts_latest (FINAL) to see each alert once, at its newest revision, even
-- before background merges run. Not partitioned: a replacing merge only
-- collapses rows within one partition, and an alert's times can move between
-- revisions.
CREATE TABLE IF NOT EXISTS alerts (
    tenant             String,
    id                 String,
    revision           UInt32,
    kind               LowCardinality(String),
    publish            UInt8,
    rule               LowCardinality(String),
    title              String,
    severity           LowCardinality(String),
    tier               LowCardinality(String),
    shadow             UInt8,
    suppressed         UInt8,
    suppression_id     String,
    suppression_owner  String,
    suppression_reason String,
    credential         String,
    actor              String,
    first_seen         DateTime('UTC'),
    last_seen          DateTime('UTC'),
    count              UInt32,
    evidence_count     UInt32,
    reason             String,
    explanation        String,
    updated_at         DateTime('UTC')
) ENGINE = ReplacingMergeTree(revision)
ORDER BY (tenant, id)
TTL last_seen + toIntervalDay(30);

CREATE VIEW IF NOT EXISTS alerts_latest AS SELECT * FROM alerts FINAL;

-- One row per (alert, evidence event), seq 0 for the oldest: join event_id
-- to events.id (same tenant; every evidence event happened at or after
-- first_seen). An alert keeps at most detect.MaxEvidence ids; count is exact.
CREATE TABLE IF NOT EXISTS alert_evidence (
    tenant      String,
    alert_id    String,
    event_id    String,
    seq         UInt32,
    rule        LowCardinality(String),
    credential  String,
    first_seen  DateTime('UTC')
) ENGINE = ReplacingMergeTree()
ORDER BY (tenant, alert_id, event_id)
TTL first_seen + toIntervalDay(30);

CREATE VIEW IF NOT EXISTS alert_evidence_unique AS SELECT * FROM alert_evidence FINAL;

-- +goose Down
DROP TABLE IF EXISTS alert_evidence_unique;
DROP TABLE IF EXISTS alert_evidence;
DROP TABLE IF EXISTS alerts_latest;
DROP TABLE IF EXISTS alerts;
