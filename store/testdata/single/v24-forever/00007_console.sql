-- +goose NO TRANSACTION
-- +goose Up
-- Console users and their API tokens. A token is shown once at creation
-- and stored only as an argon2id hash of its secret part; token_id (the
-- public prefix) finds the row. The newest row per name wins (disabling
-- or re-scoping a user appends a row).
CREATE TABLE IF NOT EXISTS console_users (
    name        String,
    role        LowCardinality(String),
    tenants     Array(String),
    token_id    String,
    token_hash  String,
    disabled    UInt8,
    created     DateTime('UTC'),
    at          DateTime('UTC')
) ENGINE = ReplacingMergeTree(at)
ORDER BY name;

-- The console's action log: every analyst action and investigator query,
-- append-only and hash-chained (hash = SHA-256 over prev_hash and the
-- entry's canonical fields). seq orders the chain.
CREATE TABLE IF NOT EXISTS console_actions (
    seq         UInt64,
    at          DateTime('UTC'),
    actor       String,
    role        LowCardinality(String),
    action      LowCardinality(String),
    tenant      String,
    target      String,
    detail      String,
    prev_hash   String,
    hash        String
) ENGINE = MergeTree()
ORDER BY seq;

-- +goose Down
DROP TABLE IF EXISTS console_actions;
DROP TABLE IF EXISTS console_users;
