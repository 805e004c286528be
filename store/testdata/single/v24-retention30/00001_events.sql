-- +goose NO TRANSACTION
-- +goose Up
-- One row per audit event. ReplacingMergeTree keyed on (tenant, time, id):
-- a replayed batch or a producer's re-send of the same event collapses to one
-- row; read through events_unique (FINAL) to see each event id once even
-- before background merges run.
CREATE TABLE IF NOT EXISTS events (
    id                  String CODEC(ZSTD(1)),
    time                DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    time_ms             UInt64 CODEC(Delta, ZSTD(1)),
    action              LowCardinality(String),
    outcome             LowCardinality(String),
    tenant              String,
    actor_id            String,
    actor_type          LowCardinality(String),
    actor_tenants       Array(String),
    token_id            String,
    token_kind          LowCardinality(String),
    token_scopes        Array(String),
    token_owner         String,
    token_tenant        String,
    token_workload      String,
    token_created_at    DateTime('UTC') CODEC(ZSTD(1)),
    secret_id           String,
    secret_name         String,
    secret_tenant       String,
    secret_workload     String,
    resource_type       LowCardinality(String),
    resource_id         String,
    resource_visibility LowCardinality(String),
    source_ip           String,
    source_asn          UInt32,
    source_as_org       String,
    source_country      LowCardinality(String),
    source_lat          Float64,
    source_lon          Float64,
    source_has_geo      UInt8,
    source_user_agent   String CODEC(ZSTD(1)),
    source_internal     UInt8,
    workload_id         String,
    workload_build_id   String,
    workload_phase      LowCardinality(String),
    session_id          String CODEC(ZSTD(1)),
    request_id          String CODEC(ZSTD(1)),
    attrs_keys          Array(String),
    attrs_values        Array(String) CODEC(ZSTD(1)),
    format              LowCardinality(String),
    redactions          Array(String),
    raw                 String CODEC(ZSTD(3)),
    kafka_topic         String,
    kafka_partition     Int32,
    kafka_offset        Int64 CODEC(Delta, ZSTD(1)),
    ingested_at         DateTime('UTC') CODEC(DoubleDelta, ZSTD(1))
) ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(time)
ORDER BY (tenant, time, id)
TTL time + toIntervalDay(30)
SETTINGS index_granularity = 8192;

CREATE VIEW IF NOT EXISTS events_unique AS SELECT * FROM events FINAL;

-- +goose Down
DROP TABLE IF EXISTS events_unique;
DROP TABLE IF EXISTS events;
