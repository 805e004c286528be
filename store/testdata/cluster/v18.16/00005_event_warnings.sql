-- +goose NO TRANSACTION
-- +goose Up
-- Fields the decoder blanked or normalised ("field:reason"): vendors' events
-- carry placeholders ("-", "N/A") and enrichment noise that no longer reject
-- the whole event. The view is recreated so that it shows the new column.
ALTER TABLE credwatch.events_local ON CLUSTER cw ADD COLUMN warnings Array(String) AFTER redactions;
DROP TABLE IF EXISTS credwatch.events ON CLUSTER cw;
CREATE TABLE credwatch.events ON CLUSTER cw AS credwatch.events_local ENGINE = Distributed(cw, credwatch, events_local, cityHash64(tenant, id));
DROP TABLE IF EXISTS credwatch.events_unique ON CLUSTER cw;
CREATE VIEW credwatch.events_unique ON CLUSTER cw AS SELECT * FROM credwatch.events FINAL;

-- +goose Down
DROP TABLE IF EXISTS credwatch.events_unique ON CLUSTER cw;
ALTER TABLE credwatch.events_local ON CLUSTER cw DROP COLUMN warnings;
DROP TABLE IF EXISTS credwatch.events ON CLUSTER cw;
CREATE TABLE credwatch.events ON CLUSTER cw AS credwatch.events_local ENGINE = Distributed(cw, credwatch, events_local, cityHash64(tenant, id));
CREATE VIEW credwatch.events_unique ON CLUSTER cw AS SELECT * FROM credwatch.events FINAL;
