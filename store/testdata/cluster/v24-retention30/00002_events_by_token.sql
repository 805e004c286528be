-- +goose NO TRANSACTION
-- +goose Up
-- One token's history, fast: the same events sorted by token_id, fed by a
-- materialized view on every insert into events.
CREATE TABLE IF NOT EXISTS credwatch.events_by_token_local ON CLUSTER cw (
    token_id          String CODEC(ZSTD(1)),
    time              DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    time_ms           UInt64 CODEC(Delta, ZSTD(1)),
    id                String CODEC(ZSTD(1)),
    tenant            String CODEC(ZSTD(1)),
    action            LowCardinality(String) CODEC(ZSTD(1)),
    outcome           LowCardinality(String) CODEC(ZSTD(1)),
    actor_id          String CODEC(ZSTD(1)),
    actor_type        LowCardinality(String) CODEC(ZSTD(1)),
    secret_id          String CODEC(ZSTD(1)),
    resource_type     LowCardinality(String) CODEC(ZSTD(1)),
    resource_id       String CODEC(ZSTD(1)),
    source_ip         String CODEC(ZSTD(1)),
    source_asn        UInt32 CODEC(ZSTD(1)),
    source_country    LowCardinality(String) CODEC(ZSTD(1)),
    source_user_agent String CODEC(ZSTD(1)),
    source_internal   UInt8 CODEC(ZSTD(1)),
    workload_id       String CODEC(ZSTD(1)),
    workload_phase    LowCardinality(String) CODEC(ZSTD(1)),
    ingested_at       DateTime('UTC') CODEC(DoubleDelta, ZSTD(1))
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/credwatch.events_by_token_local', '{replica}', ingested_at)
PARTITION BY toYYYYMM(time)
ORDER BY (token_id, time, id)
TTL time + toIntervalDay(30);
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
