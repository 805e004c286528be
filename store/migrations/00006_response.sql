-- +goose NO TRANSACTION
-- +goose Up
-- The response outbox: one row per transition of a revocation (or
-- notification) intent, append-only. An intent's current state is its row
-- with the highest seq (response_intents_current, where it is seq_now). A transition written
-- twice (a retry) has the same (tenant, intent_id, seq) and collapses.
CREATE TABLE IF NOT EXISTS {{table "response_intents"}} (
    tenant      String,
    intent_id   String,
    seq         UInt32,
    state       {{lc "String"}},
    action      {{lc "String"}},
    decision    {{lc "String"}},
    credential  String,
    alert_id    String,
    rule        {{lc "String"}},
    severity    {{lc "String"}},
    reason      String,
    by          String,
    dry_run     UInt8,
    attempt     UInt32,
    detail      String,
    payload     String,
    created     DateTime('UTC'),
    at          DateTime('UTC')
) ENGINE = {{engine "response_intents" "ReplacingMergeTree()"}}
ORDER BY (tenant, intent_id, seq){{distributed "response_intents"}};

CREATE VIEW IF NOT EXISTS {{name "response_intents_current"}}{{onCluster}} AS
SELECT tenant, intent_id, max(seq) AS seq_now,
       argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
       any(credential) AS credential, argMax(alert_id, seq) AS alert_id, argMax(rule, seq) AS rule,
       argMax(severity, seq) AS severity, argMax(reason, seq) AS reason, argMax(by, seq) AS by,
       max(dry_run) AS dry_run, argMax(attempt, seq) AS attempt, argMax(detail, seq) AS detail,
       argMax(payload, seq) AS payload, min(created) AS created, argMax(at, seq) AS at
FROM {{name "response_intents"}} GROUP BY tenant, intent_id;

-- Operator switches (the kill switch): the newest row per name wins.
CREATE TABLE IF NOT EXISTS {{table "response_controls"}} (
    name    String,
    value   String,
    by      String,
    reason  String,
    at      DateTime('UTC'),
    seq     UInt64
) ENGINE = {{engine "response_controls" "ReplacingMergeTree(seq)"}}
ORDER BY name{{distributed "response_controls"}};

-- +goose Down
{{drop "response_controls"}};
{{drop "response_intents_current"}};
{{drop "response_intents"}};
