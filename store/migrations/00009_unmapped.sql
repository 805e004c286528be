-- +goose NO TRANSACTION
-- +goose Up
-- What the decoder's mapping did not carry of each message (scrubbed JSON):
-- the vendor's fields that have no column. raw, the whole scrubbed message
-- again, is now written only with --keep-original: it was half of the
-- stored bytes and most of the server's work per row.
{{alter "events" (printf "ADD COLUMN unmapped String%s AFTER warnings" (codec "ZSTD(1)"))}};
DROP TABLE IF EXISTS {{name "events_unique"}}{{onCluster}};
CREATE VIEW {{name "events_unique"}}{{onCluster}} AS SELECT * FROM {{name "events"}} FINAL;

-- +goose Down
DROP TABLE IF EXISTS {{name "events_unique"}}{{onCluster}};
{{alter "events" "DROP COLUMN unmapped"}};
CREATE VIEW {{name "events_unique"}}{{onCluster}} AS SELECT * FROM {{name "events"}} FINAL;
