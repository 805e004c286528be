-- +goose NO TRANSACTION
-- +goose Up
-- What the decoder's mapping did not carry of each message (scrubbed JSON):
-- the vendor's fields that have no column. raw, the whole scrubbed message
-- again, is now written only with --keep-original: it was half of the
-- stored bytes and most of the server's work per row.
ALTER TABLE credwatch.events_local ON CLUSTER cw ADD COLUMN unmapped String CODEC(ZSTD(1)) AFTER warnings;
DROP TABLE IF EXISTS credwatch.events ON CLUSTER cw;
CREATE TABLE credwatch.events ON CLUSTER cw AS credwatch.events_local ENGINE = Distributed(cw, credwatch, events_local, cityHash64(tenant, id));
DROP TABLE IF EXISTS credwatch.events_unique ON CLUSTER cw;
CREATE VIEW credwatch.events_unique ON CLUSTER cw AS SELECT * FROM credwatch.events FINAL;

-- +goose Down
DROP TABLE IF EXISTS credwatch.events_unique ON CLUSTER cw;
ALTER TABLE credwatch.events_local ON CLUSTER cw DROP COLUMN unmapped;
DROP TABLE IF EXISTS credwatch.events ON CLUSTER cw;
CREATE TABLE credwatch.events ON CLUSTER cw AS credwatch.events_local ENGINE = Distributed(cw, credwatch, events_local, cityHash64(tenant, id));
CREATE VIEW credwatch.events_unique ON CLUSTER cw AS SELECT * FROM credwatch.events FINAL;
