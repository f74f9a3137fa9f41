-- Every schema that is not the server's own (pg_catalog, information_schema, pg_toast*, pg_temp_*,
-- pg_toast_temp_*) and does not belong to an extension. The InspectScope is applied in Java; every
-- other query then receives the chosen schema names as its one text[] parameter.
SELECT n.nspname AS schema_name,
       d.description AS comment
FROM pg_catalog.pg_namespace n
\set catalog pg_catalog.pg_namespace \set object n.oid \ir comment.sql
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e
                  WHERE e.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass
                    AND e.objid = n.oid AND e.deptype = 'e')
