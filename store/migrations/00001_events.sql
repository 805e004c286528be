-- +goose NO TRANSACTION
-- +goose Up
-- One row per audit event. ReplacingMergeTree keyed on (tenant, time, id):
-- a replayed batch or a producer's re-send of the same event collapses to one
-- row; read through events_unique (FINAL) to see each event id once even
-- before background merges run.
CREATE TABLE IF NOT EXISTS {{table "events"}} (
    id                  String{{codec "ZSTD(1)"}},
    time                DateTime('UTC'){{codec "DoubleDelta, ZSTD(1)"}},
    time_ms             UInt64{{codec "Delta, ZSTD(1)"}},
    action              {{lc "String"}}{{codec "ZSTD(1)"}},
    outcome             {{lc "String"}}{{codec "ZSTD(1)"}},
    tenant              String{{codec "ZSTD(1)"}},
    actor_id            String{{codec "ZSTD(1)"}},
    actor_type          {{lc "String"}}{{codec "ZSTD(1)"}},
    actor_tenants       Array(String){{codec "ZSTD(1)"}},
    token_id            String{{codec "ZSTD(1)"}},
    token_kind          {{lc "String"}}{{codec "ZSTD(1)"}},
    token_scopes        Array(String){{codec "ZSTD(1)"}},
    token_owner         String{{codec "ZSTD(1)"}},
    token_tenant        String{{codec "ZSTD(1)"}},
    token_workload      String{{codec "ZSTD(1)"}},
    token_created_at    DateTime('UTC'){{codec "ZSTD(1)"}},
    secret_id           String{{codec "ZSTD(1)"}},
    secret_name         String{{codec "ZSTD(1)"}},
    secret_tenant       String{{codec "ZSTD(1)"}},
    secret_workload     String{{codec "ZSTD(1)"}},
    resource_type       {{lc "String"}}{{codec "ZSTD(1)"}},
    resource_id         String{{codec "ZSTD(1)"}},
    resource_visibility {{lc "String"}}{{codec "ZSTD(1)"}},
    source_ip           String{{codec "ZSTD(1)"}},
    source_asn          UInt32{{codec "ZSTD(1)"}},
    source_as_org       String{{codec "ZSTD(1)"}},
    source_country      {{lc "String"}}{{codec "ZSTD(1)"}},
    source_lat          Float64{{codec "ZSTD(1)"}},
    source_lon          Float64{{codec "ZSTD(1)"}},
    source_has_geo      UInt8{{codec "ZSTD(1)"}},
    source_user_agent   String{{codec "ZSTD(1)"}},
    source_internal     UInt8{{codec "ZSTD(1)"}},
    workload_id         String{{codec "ZSTD(1)"}},
    workload_build_id   String{{codec "ZSTD(1)"}},
    workload_phase      {{lc "String"}}{{codec "ZSTD(1)"}},
    session_id          String{{codec "ZSTD(1)"}},
    request_id          String{{codec "ZSTD(1)"}},
    attrs_keys          Array(String){{codec "ZSTD(1)"}},
    attrs_values        Array(String){{codec "ZSTD(1)"}},
    format              {{lc "String"}}{{codec "ZSTD(1)"}},
    redactions          Array(String){{codec "ZSTD(1)"}},
    raw                 String{{codec "ZSTD(3)"}},
    kafka_topic         String{{codec "ZSTD(1)"}},
    kafka_partition     Int32{{codec "ZSTD(1)"}},
    kafka_offset        Int64{{codec "Delta, ZSTD(1)"}},
    ingested_at         DateTime('UTC'){{codec "DoubleDelta, ZSTD(1)"}}
) ENGINE = {{engine "events" "ReplacingMergeTree(ingested_at)"}}
PARTITION BY toYYYYMM(time)
ORDER BY (tenant, time, id)
{{if and .TTL .RetentionDays}}TTL time + toIntervalDay({{.RetentionDays}}){{end}}
SETTINGS index_granularity = 8192{{distributed "events"}};

CREATE VIEW IF NOT EXISTS {{name "events_unique"}}{{onCluster}} AS SELECT * FROM {{name "events"}} FINAL;

-- +goose Down
{{drop "events_unique"}};
{{drop "events"}};
