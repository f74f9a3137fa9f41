-- Event triggers whose function lives in one of the given schemas (an event trigger belongs to the
-- database; its function is how a project claims it), not extension members: the CREATE EVENT
-- TRIGGER statement, its enable state when not plainly enabled, and its comment.
WITH scope AS (SELECT ?::text[] AS schemas)
SELECT 'pg_event_trigger' AS class_name, e.oid::bigint AS objid, 'EVENT_TRIGGER' AS kind, '' AS object_schema,
       e.evtname AS object_name, '' AS member, pg_catalog.quote_ident(e.evtname) AS identity,
       array_remove(ARRAY[
           'CREATE EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname) || ' ON ' || pg_catalog.quote_ident(e.evtevent)
               || CASE WHEN e.evttags IS NOT NULL THEN ' WHEN TAG IN ('
                       || (SELECT string_agg(pg_catalog.quote_literal(tag), ', ' ORDER BY i)
                           FROM unnest(e.evttags) WITH ORDINALITY AS u(tag, i)) || ')' ELSE '' END
               || ' EXECUTE FUNCTION ' || e.evtfoid::pg_catalog.regproc::text || '()',
           'ALTER EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname) || ' '
               || CASE e.evtenabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA' WHEN 'A' THEN 'ENABLE ALWAYS' END,
           CASE WHEN d.description IS NOT NULL THEN 'COMMENT ON EVENT TRIGGER ' || pg_catalog.quote_ident(e.evtname)
               || ' IS ' || pg_catalog.quote_literal(d.description) END
       ], NULL) AS definition
FROM pg_catalog.pg_event_trigger e
JOIN pg_catalog.pg_proc f ON f.oid = e.evtfoid
JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
\set catalog pg_catalog.pg_event_trigger \set object e.oid \ir comment.sql
WHERE fn.nspname = ANY ((SELECT schemas FROM scope)::text[])
\ir not_extension_member.sql
