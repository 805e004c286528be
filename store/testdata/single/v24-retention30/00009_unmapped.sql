-- +goose NO TRANSACTION
-- +goose Up
-- What the decoder's mapping did not carry of each message (scrubbed JSON):
-- the vendor's fields that have no column. raw, the whole scrubbed message
-- again, is now written only with --keep-original: it was half of the
-- stored bytes and most of the server's work per row.
ALTER TABLE events ADD COLUMN unmapped String CODEC(ZSTD(1)) AFTER warnings;
DROP TABLE IF EXISTS events_unique;
CREATE VIEW events_unique AS SELECT * FROM events FINAL;

-- +goose Down
DROP TABLE IF EXISTS events_unique;
ALTER TABLE events DROP COLUMN unmapped;
CREATE VIEW events_unique AS SELECT * FROM events FINAL;
