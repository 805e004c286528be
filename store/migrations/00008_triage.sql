-- +goose NO TRANSACTION
-- +goose Up
-- Alert triage: one row per analyst action on an alert, append-only. Each
-- row carries the alert's triage state after the action (status new,
-- acknowledged or closed; assignee; close reason), so the current state is
-- the row with the highest seq (alert_triage_current). seq counts an
-- alert's actions from 1; one console process writes them in order.
CREATE TABLE IF NOT EXISTS {{table "alert_triage"}} (
    tenant        String,
    alert_id      String,
    seq           UInt32,
    at            DateTime('UTC'),
    action        {{lc "String"}},
    status        {{lc "String"}},
    assignee      String,
    close_reason  {{lc "String"}},
    note          String,
    by            String
) ENGINE = {{engine "alert_triage" "MergeTree()"}}
ORDER BY (tenant, alert_id, seq){{distributed "alert_triage"}};

CREATE VIEW IF NOT EXISTS {{name "alert_triage_current"}}{{onCluster}} AS
SELECT tenant, alert_id, max(seq) AS seq_now, argMax(status, seq) AS status,
       argMax(assignee, seq) AS assignee, argMax(close_reason, seq) AS close_reason, max(at) AS at
FROM {{name "alert_triage"}} GROUP BY tenant, alert_id;

-- Suppressions managed in the console (detect.Suppression's fields, who
-- made it and when). Ending one early appends a newer version with ended
-- set; the newest version per id wins (read with FINAL). Live detection
-- polls the ones not ended.
CREATE TABLE IF NOT EXISTS {{table "suppressions"}} (
    id          String,
    version     UInt32,
    rule        {{lc "String"}},
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
) ENGINE = {{engine "suppressions" "ReplacingMergeTree(version)"}}
ORDER BY id{{distributed "suppressions"}};

-- Bulk approvals of revocations waiting for a second person: the request
-- (version 1, state pending) and its confirmation (version 2, confirmed).
-- intent_tenants[i] and intent_ids[i] name the i-th intent.
CREATE TABLE IF NOT EXISTS {{table "response_bulk_requests"}} (
    id              String,
    version         UInt32,
    state           {{lc "String"}},
    requested_by    String,
    reason          String,
    intent_tenants  Array(String),
    intent_ids      Array(String),
    confirmed_by    String,
    created         DateTime('UTC'),
    at              DateTime('UTC')
) ENGINE = {{engine "response_bulk_requests" "ReplacingMergeTree(version)"}}
ORDER BY id{{distributed "response_bulk_requests"}};

-- +goose Down
{{drop "response_bulk_requests"}};
{{drop "suppressions"}};
{{drop "alert_triage_current"}};
{{drop "alert_triage"}};
