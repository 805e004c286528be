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
    action              {{lc "String"}},
    outcome             {{lc "String"}},
    tenant              String,
    actor_id            String,
    actor_type          {{lc "String"}},
    actor_tenants       Array(String),
    token_id            String,
    token_kind          {{lc "String"}},
    token_scopes        Array(String),
    token_owner         String,
    token_tenant        String,
    token_workload      String,
    token_created_at    DateTime('UTC'){{codec "ZSTD(1)"}},
    secret_id           String,
    secret_name         String,
    secret_tenant       String,
    secret_workload     String,
    resource_type       {{lc "String"}},
    resource_id         String,
    resource_visibility {{lc "String"}},
    source_ip           String,
    source_asn          UInt32,
    source_as_org       String,
    source_country      {{lc "String"}},
    source_lat          Float64,
    source_lon          Float64,
    source_has_geo      UInt8,
    source_user_agent   String{{codec "ZSTD(1)"}},
    source_internal     UInt8,
    workload_id         String,
    workload_build_id   String,
    workload_phase      {{lc "String"}},
    session_id          String{{codec "ZSTD(1)"}},
    request_id          String{{codec "ZSTD(1)"}},
    attrs_keys          Array(String),
    attrs_values        Array(String){{codec "ZSTD(1)"}},
    format              {{lc "String"}},
    redactions          Array(String),
    raw                 String{{codec "ZSTD(3)"}},
    kafka_topic         String,
    kafka_partition     Int32,
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
