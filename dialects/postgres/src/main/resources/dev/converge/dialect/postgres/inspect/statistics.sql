-- Statistics objects (CREATE STATISTICS) of the given schemas, not extension members: the statement
-- pg_get_statisticsobjdef prints, its statistics target when set, and its comment.
WITH scope AS (SELECT ?::text[] AS schemas)
SELECT 'pg_statistic_ext' AS class_name, s.oid::bigint AS objid, 'STATISTICS' AS kind, n.nspname AS object_schema,
       s.stxname AS object_name, '' AS member,
       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(s.stxname) AS identity,
       array_remove(ARRAY[
           pg_catalog.pg_get_statisticsobjdef(s.oid),
           -- -1 (up to 16) or NULL (17+) is the default
           CASE WHEN (to_jsonb(s) ->> 'stxstattarget')::int >= 0 THEN 'ALTER STATISTICS '
               || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(s.stxname) || ' SET STATISTICS '
               || (to_jsonb(s) ->> 'stxstattarget') END,
           CASE WHEN d.description IS NOT NULL THEN 'COMMENT ON STATISTICS ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(s.stxname) || ' IS ' || pg_catalog.quote_literal(d.description) END
       ], NULL) AS definition
FROM pg_catalog.pg_statistic_ext s
JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
\set catalog pg_catalog.pg_statistic_ext \set object s.oid \ir comment.sql
WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
\ir not_extension_member.sql
