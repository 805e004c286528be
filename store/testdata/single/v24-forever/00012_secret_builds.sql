-- +goose NO TRANSACTION
-- +goose Up
-- A secret's readers list the builds they read it from. That came from
-- events, read over every event of the readers' tenants in range (76 MB per
-- request at 10M events); events_by_secret now carries the build itself.
ALTER TABLE events_by_secret ADD COLUMN workload_build_id String AFTER workload_id;
DROP TABLE IF EXISTS events_by_secret_mv;
CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_secret_mv TO events_by_secret AS
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_build_id, workload_phase, ingested_at
FROM events WHERE secret_id != '';

-- The rows stored before this migration, again with their builds: the
-- replacing key keeps the one inserted last.
INSERT INTO events_by_secret (secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_build_id, workload_phase, ingested_at)
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_build_id, workload_phase, ingested_at
FROM events WHERE secret_id != '' AND workload_build_id != '';

-- +goose Down
DROP TABLE IF EXISTS events_by_secret_mv;
ALTER TABLE events_by_secret DROP COLUMN workload_build_id;
CREATE MATERIALIZED VIEW IF NOT EXISTS events_by_secret_mv TO events_by_secret AS
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_phase, ingested_at
FROM events WHERE secret_id != '';
