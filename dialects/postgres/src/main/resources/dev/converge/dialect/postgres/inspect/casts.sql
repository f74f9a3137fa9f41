-- Casts made by users (not the server's own, whose oids are below 16384, not extension members)
-- whose source type, target type or function lives in one of the given schemas: a cast belongs to
-- the database, not a schema, and this is how a project claims it. The definition is the CREATE
-- CAST statement pg_dump would write, then its comment.
WITH scope AS (SELECT ?::text[] AS schemas)
SELECT 'pg_cast' AS class_name, k.oid::bigint AS objid, 'CAST' AS kind, '' AS object_schema,
       '(' || pg_catalog.format_type(k.castsource, NULL) || ' AS ' || pg_catalog.format_type(k.casttarget, NULL) || ')'
           AS object_name,
       '' AS member,
       '(' || pg_catalog.format_type(k.castsource, NULL) || ' AS ' || pg_catalog.format_type(k.casttarget, NULL) || ')'
           AS identity,
       array_remove(ARRAY[
           'CREATE CAST (' || pg_catalog.format_type(k.castsource, NULL) || ' AS '
               || pg_catalog.format_type(k.casttarget, NULL) || ') '
               || CASE k.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || k.castfunc::pg_catalog.regprocedure::text
                                    WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END
               || CASE k.castcontext WHEN 'a' THEN ' AS ASSIGNMENT' WHEN 'i' THEN ' AS IMPLICIT' ELSE '' END,
           CASE WHEN d.description IS NOT NULL THEN 'COMMENT ON CAST (' || pg_catalog.format_type(k.castsource, NULL)
               || ' AS ' || pg_catalog.format_type(k.casttarget, NULL) || ') IS '
               || pg_catalog.quote_literal(d.description) END
       ], NULL) AS definition
FROM pg_catalog.pg_cast k
JOIN pg_catalog.pg_type st ON st.oid = k.castsource
JOIN pg_catalog.pg_type tt ON tt.oid = k.casttarget
LEFT JOIN pg_catalog.pg_proc f ON f.oid = k.castfunc
\set catalog pg_catalog.pg_cast \set object k.oid \ir comment.sql
WHERE k.oid >= 16384
  AND EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n
              WHERE n.oid IN (st.typnamespace, tt.typnamespace, f.pronamespace)
                AND n.nspname = ANY ((SELECT schemas FROM scope)::text[]))
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND x.objid = k.oid
                    -- nor the casts PostgreSQL makes for a multirange type (an internal dependency)
                    AND x.deptype IN ('e', 'i'))
