-- +goose NO TRANSACTION
-- +goose Up
-- One token's history, fast: the same events sorted by token_id, fed by a
-- materialized view on every insert into events.
CREATE TABLE IF NOT EXISTS {{table "events_by_token"}} (
    token_id          String{{codec "ZSTD(1)"}},
    time              DateTime('UTC'){{codec "DoubleDelta, ZSTD(1)"}},
    time_ms           UInt64{{codec "Delta, ZSTD(1)"}},
    id                String{{codec "ZSTD(1)"}},
    tenant            String{{codec "ZSTD(1)"}},
    action            {{lc "String"}}{{codec "ZSTD(1)"}},
    outcome           {{lc "String"}}{{codec "ZSTD(1)"}},
    actor_id          String{{codec "ZSTD(1)"}},
    actor_type        {{lc "String"}}{{codec "ZSTD(1)"}},
    secret_id          String{{codec "ZSTD(1)"}},
    resource_type     {{lc "String"}}{{codec "ZSTD(1)"}},
    resource_id       String{{codec "ZSTD(1)"}},
    source_ip         String{{codec "ZSTD(1)"}},
    source_asn        UInt32{{codec "ZSTD(1)"}},
    source_country    {{lc "String"}}{{codec "ZSTD(1)"}},
    source_user_agent String{{codec "ZSTD(1)"}},
    source_internal   UInt8{{codec "ZSTD(1)"}},
    workload_id       String{{codec "ZSTD(1)"}},
    workload_phase    {{lc "String"}}{{codec "ZSTD(1)"}},
    ingested_at       DateTime('UTC'){{codec "DoubleDelta, ZSTD(1)"}}
) ENGINE = {{engine "events_by_token" "ReplacingMergeTree(ingested_at)"}}
PARTITION BY toYYYYMM(time)
ORDER BY (token_id, time, id)
{{if and .TTL .RetentionDays}}TTL time + toIntervalDay({{.RetentionDays}}){{end}}{{distributed "events_by_token"}};

CREATE MATERIALIZED VIEW IF NOT EXISTS {{name "events_by_token_mv"}}{{onCluster}} TO {{local "events_by_token"}} AS
SELECT token_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       secret_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_phase, ingested_at
FROM {{local "events"}} WHERE token_id != '';

-- +goose Down
{{drop "events_by_token_mv"}};
{{drop "events_by_token"}};
