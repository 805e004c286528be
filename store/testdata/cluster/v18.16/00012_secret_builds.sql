-- +goose NO TRANSACTION
-- +goose Up
-- A secret's readers list the builds they read it from. That came from
-- events, read over every event of the readers' tenants in range (76 MB per
-- request at 10M events); events_by_secret now carries the build itself.
ALTER TABLE credwatch.events_by_secret_local ON CLUSTER cw ADD COLUMN workload_build_id String AFTER workload_id;
DROP TABLE IF EXISTS credwatch.events_by_secret ON CLUSTER cw;
CREATE TABLE credwatch.events_by_secret ON CLUSTER cw AS credwatch.events_by_secret_local ENGINE = Distributed(cw, credwatch, events_by_secret_local, cityHash64(tenant, id));
DROP TABLE IF EXISTS credwatch.events_by_secret_mv ON CLUSTER cw;
CREATE MATERIALIZED VIEW IF NOT EXISTS credwatch.events_by_secret_mv ON CLUSTER cw TO credwatch.events_by_secret_local AS
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_build_id, workload_phase, ingested_at
FROM credwatch.events_local WHERE secret_id != '';

-- The rows stored before this migration, again with their builds: the
-- replacing key keeps the one inserted last.
INSERT INTO credwatch.events_by_secret (secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_build_id, workload_phase, ingested_at)
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_build_id, workload_phase, ingested_at
FROM credwatch.events WHERE secret_id != '' AND workload_build_id != '';

-- +goose Down
DROP TABLE IF EXISTS credwatch.events_by_secret_mv ON CLUSTER cw;
ALTER TABLE credwatch.events_by_secret_local ON CLUSTER cw DROP COLUMN workload_build_id;
DROP TABLE IF EXISTS credwatch.events_by_secret ON CLUSTER cw;
CREATE TABLE credwatch.events_by_secret ON CLUSTER cw AS credwatch.events_by_secret_local ENGINE = Distributed(cw, credwatch, events_by_secret_local, cityHash64(tenant, id));
CREATE MATERIALIZED VIEW IF NOT EXISTS credwatch.events_by_secret_mv ON CLUSTER cw TO credwatch.events_by_secret_local AS
SELECT secret_id, time, time_ms, id, tenant, action, outcome, actor_id, actor_type,
       token_id, resource_type, resource_id, source_ip, source_asn,
       source_country, source_user_agent, source_internal, workload_id,
       workload_phase, ingested_at
FROM credwatch.events_local WHERE secret_id != '';
