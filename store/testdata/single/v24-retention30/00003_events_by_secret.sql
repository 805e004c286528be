-- +goose NO TRANSACTION
-- +goose Up
-- One secret's history, fast: the same events sorted by secret_id, fed by a
-- materialized view on every insert into events.
CREATE TABLE IF NOT EXISTS events_by_secret (
    secret_id          String,
    time              DateTime('UTC'),
    time_ms           UInt64,
    id                String,
    tenant            String,
    action            LowCardinality(String),
    outcome           LowCardinality(String),
    actor_id          String,
    actor_type        LowCardinality(String),
    token_id          String,
    resource_type     LowCardinality(String),
    resource_id       String,
    source_ip         String,
    source_asn        UInt32,
    source_country    LowCardinality(String),
    source_user_agent String,
    source_internal   UInt8,
    workload_id       String,
    workload_phase    LowCardinality(String),
    ingested_at       DateTime('UTC')
) ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(time)
ORDER BY (secret_id, time, id)
TTL time + toIntervalDay(30);

CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_secret_mv TO events_by_secret AS
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_phase, ingested_at
FROM events WHERE secret_id != '';

-- +goose Down
DROP TABLE IF EXISTS events_by_secret_mv;
DROP TABLE IF EXISTS events_by_secret;
