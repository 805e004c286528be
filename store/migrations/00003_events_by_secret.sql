-- +goose NO TRANSACTION
-- +goose Up
-- One secret's history, fast: the same events sorted by secret_id, fed by a
-- materialized view on every insert into events.
CREATE TABLE IF NOT EXISTS {{table "events_by_secret"}} (
    secret_id          String,
    time              DateTime('UTC'),
    time_ms           UInt64,
    id                String,
    tenant            String,
    action            {{lc "String"}},
    outcome           {{lc "String"}},
    actor_id          String,
    actor_type        {{lc "String"}},
    token_id          String,
    resource_type     {{lc "String"}},
    resource_id       String,
    source_ip         String,
    source_asn        UInt32,
    source_country    {{lc "String"}},
    source_user_agent String,
    source_internal   UInt8,
    workload_id       String,
    workload_phase    {{lc "String"}},
    ingested_at       DateTime('UTC')
) ENGINE = {{engine "events_by_secret" "ReplacingMergeTree(ingested_at)"}}
PARTITION BY toYYYYMM(time)
ORDER BY (secret_id, time, id)
{{if and .TTL .RetentionDays}}TTL time + toIntervalDay({{.RetentionDays}}){{end}}{{distributed "events_by_secret"}};

CREATE MATERIALIZED VIEW IF NOT EXISTS {{name "events_by_secret_mv"}}{{onCluster}} TO {{local "events_by_secret"}} AS
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_phase, ingested_at
FROM {{local "events"}} WHERE secret_id != '';

-- +goose Down
{{drop "events_by_secret_mv"}};
{{drop "events_by_secret"}};
