-- +goose NO TRANSACTION
-- +goose Up
-- One token's history, fast: the same events sorted by token_id, fed by a
-- materialized view on every insert into events.
CREATE TABLE IF NOT EXISTS {{table "events_by_token"}} (
    token_id          String,
    time              DateTime('UTC'),
    time_ms           UInt64,
    id                String,
    tenant            String,
    action            {{lc "String"}},
    outcome           {{lc "String"}},
    actor_id          String,
    actor_type        {{lc "String"}},
    secret_id          String,
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
