-- +goose NO TRANSACTION
-- +goose Up
-- Console users and their API tokens. A token is shown once at creation
-- and stored only as an argon2id hash of its secret part; token_id (the
-- public prefix) finds the row. The newest row per name wins (disabling
-- or re-scoping a user appends a row).
CREATE TABLE IF NOT EXISTS credwatch.console_users_local ON CLUSTER cw (
    name        String,
    role        String,
    tenants     Array(String),
    token_id    String,
    token_hash  String,
    disabled    UInt8,
    created     DateTime('UTC'),
    at          DateTime('UTC')
) ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/credwatch.console_users_local', '{replica}', at)
ORDER BY name;
CREATE TABLE IF NOT EXISTS credwatch.console_users ON CLUSTER cw AS credwatch.console_users_local ENGINE = Distributed(cw, credwatch, console_users_local, cityHash64(name));

-- The console's action log: every analyst action and investigator query,
-- append-only and hash-chained (hash = SHA-256 over prev_hash and the
-- entry's canonical fields). seq orders the chain.
CREATE TABLE IF NOT EXISTS credwatch.console_actions_local ON CLUSTER cw (
    seq         UInt64,
    at          DateTime('UTC'),
    actor       String,
    role        String,
    action      String,
    tenant      String,
    target      String,
    detail      String,
    prev_hash   String,
    hash        String
) ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/credwatch.console_actions_local', '{replica}')
ORDER BY seq;
CREATE TABLE IF NOT EXISTS credwatch.console_actions ON CLUSTER cw AS credwatch.console_actions_local ENGINE = Distributed(cw, credwatch, console_actions_local, cityHash64(seq));

-- +goose Down
DROP TABLE IF EXISTS credwatch.console_actions ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.console_actions_local ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.console_users ON CLUSTER cw;
DROP TABLE IF EXISTS credwatch.console_users_local ON CLUSTER cw;
