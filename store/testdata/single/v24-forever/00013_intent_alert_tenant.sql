-- +goose NO TRANSACTION
-- +goose Up
-- An intent is kept under its credential's tenant, which for a credential
-- used across tenants is not the tenant of the alert it answers: the alert
-- is found under alert_tenant. Transitions stored before this migration
-- read alert_tenant as their tenant, which is what they were linked by.
ALTER TABLE response_intents ADD COLUMN alert_tenant String DEFAULT tenant AFTER alert_id;
DROP TABLE IF EXISTS response_intents_current;
CREATE VIEW IF NOT EXISTS response_intents_current AS
SELECT tenant, intent_id, max(seq) AS seq_now,
       argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
       any(credential) AS credential, argMax(alert_id, seq) AS alert_id, argMax(alert_tenant, seq) AS alert_tenant,
       argMax(rule, seq) AS rule, argMax(severity, seq) AS severity, argMax(reason, seq) AS reason,
       argMax(by, seq) AS by, max(dry_run) AS dry_run, argMax(attempt, seq) AS attempt,
       argMax(detail, seq) AS detail, argMax(payload, seq) AS payload, min(created) AS created,
       argMax(at, seq) AS at
FROM response_intents GROUP BY tenant, intent_id;

-- +goose Down
DROP TABLE IF EXISTS response_intents_current;
ALTER TABLE response_intents DROP COLUMN alert_tenant;
CREATE VIEW IF NOT EXISTS response_intents_current AS
SELECT tenant, intent_id, max(seq) AS seq_now,
       argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
       any(credential) AS credential, argMax(alert_id, seq) AS alert_id, argMax(rule, seq) AS rule,
       argMax(severity, seq) AS severity, argMax(reason, seq) AS reason, argMax(by, seq) AS by,
       max(dry_run) AS dry_run, argMax(attempt, seq) AS attempt, argMax(detail, seq) AS detail,
       argMax(payload, seq) AS payload, min(created) AS created, argMax(at, seq) AS at
FROM response_intents GROUP BY tenant, intent_id;
