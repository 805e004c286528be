-- +goose NO TRANSACTION
-- +goose Up
-- Alert triage: one row per analyst action on an alert, append-only. Each
-- row carries the alert's triage state after the action (status new,
-- acknowledged or closed; assignee; close reason), so the current state is
-- the row with the highest seq (alert_triage_current). seq counts an
-- alert's actions from 1; one console process writes them in order.
CREATE TABLE IF NOT EXISTS credwatch.alert_triage_local ON CLUSTER cw (
    tenant        String,
    alert_id      String,
    seq           UInt32,
    at            DateTime('UTC'),
    action        String,
    status        String,
    assignee      String,
    close_reason  String,
    note          String,
    by            String
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/credwatch.alert_triage_local', '{replica}')
ORDER BY (tenant, alert_id, seq);
CREATE TABLE IF NOT EXISTS credwatch.alert_triage ON CLUSTER cw AS credwatch.alert_triage_local ENGINE = Distributed(cw, credwatch, alert_triage_local, cityHash64(tenant, alert_id));

CREATE VIEW IF NOT EXISTS credwatch.alert_triage_current ON CLUSTER cw AS
SELECT tenant, alert_id, max(seq) AS seq_now, argMax(status, seq) AS status,
       argMax(assignee, seq) AS assignee, argMax(close_reason, seq) AS close_reason, max(at) AS at
FROM credwatch.alert_triage GROUP BY tenant, alert_id;

-- Suppressions managed in the console (detect.Suppression's fields, who
-- made it and when). Ending one early appends a newer version with ended
-- set; the newest version per id wins (read with FINAL). Live detection
-- polls the ones not ended.
CREATE TABLE IF NOT EXISTS credwatch.suppressions_local ON CLUSTER cw (
    id          String,
    version     UInt32,
    rule        String,
    credential  String,
    actor       String,
    tenant      String,
    asn         UInt32,
    owner       String,
    reason      String,
    expires     DateTime('UTC'),
    created_by  String,
    created     DateTime('UTC'),
    ended       UInt8,
    ended_by    String,
    at          DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/credwatch.suppressions_local', '{replica}', version)
ORDER BY id;
CREATE TABLE IF NOT EXISTS credwatch.suppressions ON CLUSTER cw AS credwatch.suppressions_local ENGINE = Distributed(cw, credwatch, suppressions_local, cityHash64(id));

-- Bulk approvals of revocations waiting for a second person: the request
-- (version 1, state pending) and its confirmation (version 2, confirmed).
-- intent_tenants[i] and intent_ids[i] name the i-th intent.
CREATE TABLE IF NOT EXISTS credwatch.response_bulk_requests_local ON CLUSTER cw (
    id              String,
    version         UInt32,
    state           String,
    requested_by    String,
    reason          String,
    intent_tenants  Array(String),
    intent_ids      Array(String),
    confirmed_by    String,
    created         DateTime('UTC'),
    at              DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/credwatch.response_bulk_requests_local', '{replica}', version)
ORDER BY id;
CREATE TABLE IF NOT EXISTS credwatch.response_bulk_requests ON CLUSTER cw AS credwatch.response_bulk_requests_local ENGINE = Distributed(cw, credwatch, response_bulk_requests_local, cityHash64(id));

-- +goose Down
DROP TABLE IF EXISTS credwatch.response_bulk_requests ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.response_bulk_requests_local ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.suppressions ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.suppressions_local ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.alert_triage_current ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.alert_triage ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.alert_triage_local ON CLUSTER cw;
