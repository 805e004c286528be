-- +goose NO TRANSACTION
-- +goose Up
-- One row per alert revision (package alertsink writes every update).
-- ReplacingMergeTree(revision) keyed on (tenant, id): the newest revision of
-- an alert wins, and a replayed revision collapses onto itself; read through
-- alerts_latest (FINAL) to see each alert once, at its newest revision, even
-- before background merges run. Not partitioned: a replacing merge only
-- collapses rows within one partition, and an alert's times can move between
-- revisions.
CREATE TABLE IF NOT EXISTS {{table "alerts"}} (
    tenant             String,
    id                 String,
    revision           UInt32,
    kind               {{lc "String"}},
    publish            UInt8,
    rule               {{lc "String"}},
    title              String,
    severity           {{lc "String"}},
    tier               {{lc "String"}},
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
) ENGINE = {{engine "alerts" "ReplacingMergeTree(revision)"}}
ORDER BY (tenant, id)
{{if and .TTL .RetentionDays}}TTL last_seen + toIntervalDay({{.RetentionDays}}){{end}}{{distributed "alerts"}};

CREATE VIEW IF NOT EXISTS {{name "alerts_latest"}}{{onCluster}} AS SELECT * FROM {{name "alerts"}} FINAL;

-- One row per (alert, evidence event), seq 0 for the oldest: join event_id
-- to events.id (same tenant; every evidence event happened at or after
-- first_seen). An alert keeps at most detect.MaxEvidence ids; count is exact.
CREATE TABLE IF NOT EXISTS {{table "alert_evidence"}} (
    tenant      String,
    alert_id    String,
    event_id    String,
    seq         UInt32,
    rule        {{lc "String"}},
    credential  String,
    first_seen  DateTime('UTC')
) ENGINE = {{engine "alert_evidence" "ReplacingMergeTree()"}}
ORDER BY (tenant, alert_id, event_id)
{{if and .TTL .RetentionDays}}TTL first_seen + toIntervalDay({{.RetentionDays}}){{end}}{{distributed "alert_evidence"}};

CREATE VIEW IF NOT EXISTS {{name "alert_evidence_unique"}}{{onCluster}} AS SELECT * FROM {{name "alert_evidence"}} FINAL;

-- +goose Down
{{drop "alert_evidence_unique"}};
{{drop "alert_evidence"}};
{{drop "alerts_latest"}};
{{drop "alerts"}};
