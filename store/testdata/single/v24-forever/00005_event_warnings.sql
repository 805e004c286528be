-- +goose NO TRANSACTION
-- +goose Up
-- Fields the decoder blanked or normalised ("field:reason"): vendors' events
-- carry placeholders ("-", "N/A") and enrichment noise that no longer reject
-- the whole event. The view is recreated so that it shows the new column.
ALTER TABLE events ADD COLUMN warnings Array(String) AFTER redactions;
DROP TABLE IF EXISTS events_unique;
CREATE VIEW events_unique AS SELECT * FROM events FINAL;

-- +goose Down
DROP TABLE IF EXISTS events_unique;
ALTER TABLE events DROP COLUMN warnings;
CREATE VIEW events_unique AS SELECT * FROM events FINAL;
