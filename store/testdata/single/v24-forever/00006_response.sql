-- +goose NO TRANSACTION
-- +goose Up
-- The response outbox: one row per transition of a revocation (or
-- notification) intent, append-only. An intent's current state is its row
-- with the highest seq (response_intents_current, where it is seq_now). A transition written
-- twice (a retry) has the same (tenant, intent_id, seq) and collapses.
CREATE TABLE IF NOT EXISTS response_intents (
    tenant      String,
    intent_id   String,
    seq         UInt32,
    state       LowCardinality(String),
    action      LowCardinality(String),
    decision    LowCardinality(String),
    credential  String,
    alert_id    String,
    rule        LowCardinality(String),
    severity    LowCardinality(String),
    reason      String,
    by          String,
    dry_run     UInt8,
    attempt     UInt32,
    detail      String,
    payload     String,
    created     DateTime('UTC'),
    at          DateTime('UTC')
) ENGINE = ReplacingMergeTree()
ORDER BY (tenant, intent_id, seq);

CREATE VIEW IF NOT EXISTS response_intents_current AS
SELECT tenant, intent_id, max(seq) AS seq_now,
       argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
       any(credential) AS credential, argMax(alert_id, seq) AS alert_id, argMax(rule, seq) AS rule,
       argMax(severity, seq) AS severity, argMax(reason, seq) AS reason, argMax(by, seq) AS by,
       max(dry_run) AS dry_run, argMax(attempt, seq) AS attempt, argMax(detail, seq) AS detail,
       argMax(payload, seq) AS payload, min(created) AS created, argMax(at, seq) AS at
FROM response_intents GROUP BY tenant, intent_id;

-- Operator switches (the kill switch): the newest row per name wins.
CREATE TABLE IF NOT EXISTS response_controls (
    name    String,
    value   String,
    by      String,
    reason  String,
    at      DateTime('UTC'),
    seq     UInt64
) ENGINE = ReplacingMergeTree(seq)
ORDER BY name;

-- +goose Down
DROP TABLE IF EXISTS response_controls;
DROP TABLE IF EXISTS response_intents_current;
DROP TABLE IF EXISTS response_intents;
