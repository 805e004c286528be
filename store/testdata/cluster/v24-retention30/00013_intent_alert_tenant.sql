-- +goose NO TRANSACTION
-- +goose Up
-- An intent is kept under its credential's tenant, which for a credential
-- used across tenants is not the tenant of the alert it answers: the alert
-- is found under alert_tenant. Transitions stored before this migration
-- read alert_tenant as their tenant, which is what they were linked by.
ALTER TABLE credwatch.response_intents_local ON CLUSTER cw ADD COLUMN alert_tenant String DEFAULT tenant AFTER alert_id;
DROP TABLE IF EXISTS credwatch.response_intents ON CLUSTER cw;
CREATE TABLE credwatch.response_intents ON CLUSTER cw AS credwatch.response_intents_local ENGINE = Distributed(cw, credwatch, response_intents_local, cityHash64(tenant, intent_id));
DROP TABLE IF EXISTS credwatch.response_intents_current ON CLUSTER cw;
CREATE VIEW IF NOT EXISTS credwatch.response_intents_current ON CLUSTER cw AS
SELECT tenant, intent_id, max(seq) AS seq_now,
       argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
       any(credential) AS credential, argMax(alert_id, seq) AS alert_id, argMax(alert_tenant, seq) AS alert_tenant,
       argMax(rule, seq) AS rule, argMax(severity, seq) AS severity, argMax(reason, seq) AS reason,
       argMax(by, seq) AS by, max(dry_run) AS dry_run, argMax(attempt, seq) AS attempt,
       argMax(detail, seq) AS detail, argMax(payload, seq) AS payload, min(created) AS created,
       argMax(at, seq) AS at
FROM credwatch.response_intents GROUP BY tenant, intent_id;

-- +goose Down
DROP TABLE IF EXISTS credwatch.response_intents_current ON CLUSTER cw;
ALTER TABLE credwatch.response_intents_local ON CLUSTER cw DROP COLUMN alert_tenant;
DROP TABLE IF EXISTS credwatch.response_intents ON CLUSTER cw;
CREATE TABLE credwatch.response_intents ON CLUSTER cw AS credwatch.response_intents_local ENGINE = Distributed(cw, credwatch, response_intents_local, cityHash64(tenant, intent_id));
CREATE VIEW IF NOT EXISTS credwatch.response_intents_current ON CLUSTER cw AS
SELECT tenant, intent_id, max(seq) AS seq_now,
       argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
       any(credential) AS credential, argMax(alert_id, seq) AS alert_id, argMax(rule, seq) AS rule,
       argMax(severity, seq) AS severity, argMax(reason, seq) AS reason, argMax(by, seq) AS by,
       max(dry_run) AS dry_run, argMax(attempt, seq) AS attempt, argMax(detail, seq) AS detail,
       argMax(payload, seq) AS payload, min(created) AS created, argMax(at, seq) AS at
FROM credwatch.response_intents GROUP BY tenant, intent_id;
