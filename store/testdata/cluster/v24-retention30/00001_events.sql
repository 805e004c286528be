-- +goose NO TRANSACTION
-- +goose Up
-- One row per audit event. ReplacingMergeTree keyed on (tenant, time, id):
-- a replayed batch or a producer's re-send of the same event collapses to one
-- row; read through events_unique (FINAL) to see each event id once even
-- before background merges run.
CREATE TABLE IF NOT EXISTS credwatch.events_local ON CLUSTER cw (
    id                  String CODEC(ZSTD(1)),
    time                DateTime('UTC') CODEC(DoubleDelta, ZSTD(1)),
    time_ms             UInt64 CODEC(Delta, ZSTD(1)),
    action              LowCardinality(String) CODEC(ZSTD(1)),
    outcome             LowCardinality(String) CODEC(ZSTD(1)),
    tenant              String CODEC(ZSTD(1)),
    actor_id            String CODEC(ZSTD(1)),
    actor_type          LowCardinality(String) CODEC(ZSTD(1)),
    actor_tenants       Array(String) CODEC(ZSTD(1)),
    token_id            String CODEC(ZSTD(1)),
    token_kind          LowCardinality(String) CODEC(ZSTD(1)),
    token_scopes        Array(String) CODEC(ZSTD(1)),
    token_owner         String CODEC(ZSTD(1)),
    token_tenant        String CODEC(ZSTD(1)),
    token_workload      String CODEC(ZSTD(1)),
    token_created_at    DateTime('UTC') CODEC(ZSTD(1)),
    secret_id           String CODEC(ZSTD(1)),
    secret_name         String CODEC(ZSTD(1)),
    secret_tenant       String CODEC(ZSTD(1)),
    secret_workload     String CODEC(ZSTD(1)),
    resource_type       LowCardinality(String) CODEC(ZSTD(1)),
    resource_id         String CODEC(ZSTD(1)),
    resource_visibility LowCardinality(String) CODEC(ZSTD(1)),
    source_ip           String CODEC(ZSTD(1)),
    source_asn          UInt32 CODEC(ZSTD(1)),
    source_as_org       String CODEC(ZSTD(1)),
    source_country      LowCardinality(String) CODEC(ZSTD(1)),
    source_lat          Float64 CODEC(ZSTD(1)),
    source_lon          Float64 CODEC(ZSTD(1)),
    source_has_geo      UInt8 CODEC(ZSTD(1)),
    source_user_agent   String CODEC(ZSTD(1)),
    source_internal     UInt8 CODEC(ZSTD(1)),
    workload_id         String CODEC(ZSTD(1)),
    workload_build_id   String CODEC(ZSTD(1)),
    workload_phase      LowCardinality(String) CODEC(ZSTD(1)),
    session_id          String CODEC(ZSTD(1)),
    request_id          String CODEC(ZSTD(1)),
    attrs_keys          Array(String) CODEC(ZSTD(1)),
    attrs_values        Array(String) CODEC(ZSTD(1)),
    format              LowCardinality(String) CODEC(ZSTD(1)),
    redactions          Array(String) CODEC(ZSTD(1)),
    raw                 String CODEC(ZSTD(3)),
    kafka_topic         String CODEC(ZSTD(1)),
    kafka_partition     Int32 CODEC(ZSTD(1)),
    kafka_offset        Int64 CODEC(Delta, ZSTD(1)),
    ingested_at         DateTime('UTC') CODEC(DoubleDelta, ZSTD(1))
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/credwatch.events_local', '{replica}', ingested_at)
PARTITION BY toYYYYMM(time)
ORDER BY (tenant, time, id)
TTL time + toIntervalDay(30)
SETTINGS index_granularity = 8192;
CREATE TABLE IF NOT EXISTS credwatch.events ON CLUSTER cw AS credwatch.events_local ENGINE = Distributed(cw, credwatch, events_local, cityHash64(tenant, id));

CREATE VIEW IF NOT EXISTS credwatch.events_unique ON CLUSTER cw AS SELECT * FROM credwatch.events FINAL;

-- +goose Down
DROP TABLE IF EXISTS credwatch.events_unique ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.events ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.events_local ON CLUSTER cw;
