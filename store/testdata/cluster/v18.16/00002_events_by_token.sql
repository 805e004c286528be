-- +goose NO TRANSACTION
-- +goose Up
-- One token's history, fast: the same events sorted by token_id, fed by a
-- materialized view on every insert into events.
CREATE TABLE IF NOT EXISTS credwatch.events_by_token_local ON CLUSTER cw (
    token_id          String,
    time              DateTime('UTC'),
    time_ms           UInt64,
    id                String,
    tenant            String,
    action            String,
    outcome           String,
    actor_id          String,
    actor_type        String,
    secret_id          String,
    resource_type     String,
    resource_id       String,
    source_ip         String,
    source_asn        UInt32,
    source_country    String,
    source_user_agent String,
    source_internal   UInt8,
    workload_id       String,
    workload_phase    String,
    ingested_at       DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/credwatch.events_by_token_local', '{replica}', ingested_at)
PARTITION BY toYYYYMM(time)
ORDER BY (token_id, time, id)
;
CREATE TABLE IF NOT EXISTS credwatch.events_by_token ON CLUSTER cw AS credwatch.events_by_token_local ENGINE = Distributed(cw, credwatch, events_by_token_local, cityHash64(tenant, id));

CREATE MATERIALIZED VIEW IF NOT EXISTS credwatch.events_by_token_mv ON CLUSTER cw TO credwatch.events_by_token_local AS
SELECT token_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       secret_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_phase, ingested_at
FROM credwatch.events_local WHERE token_id != '';

-- +goose Down
DROP TABLE IF EXISTS credwatch.events_by_token_mv ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.events_by_token ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.events_by_token_local ON CLUSTER cw;
