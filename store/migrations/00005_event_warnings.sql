-- +goose NO TRANSACTION
-- +goose Up
-- Fields the decoder blanked or normalised ("field:reason"): vendors' events
-- carry placeholders ("-", "N/A") and enrichment noise that no longer reject
-- the whole event. The view is recreated so that it shows the new column.
{{alter "events" "ADD COLUMN warnings Array(String) AFTER redactions"}};
DROP TABLE IF EXISTS {{name "events_unique"}}{{onCluster}};
CREATE VIEW {{name "events_unique"}}{{onCluster}} AS SELECT * FROM {{name "events"}} FINAL;

-- +goose Down
DROP TABLE IF EXISTS {{name "events_unique"}}{{onCluster}};
{{alter "events" "DROP COLUMN warnings"}};
CREATE VIEW {{name "events_unique"}}{{onCluster}} AS SELECT * FROM {{name "events"}} FINAL;
