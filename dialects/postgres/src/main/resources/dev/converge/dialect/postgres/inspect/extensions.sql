-- Extensions whose objects live in one of the given schemas, with their version and comment
-- (plpgsql lives in pg_catalog and is never listed).
SELECT e.extname AS extension_name,
       n.nspname AS extension_schema,
       e.extversion AS version,
       d.description AS comment
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
\set catalog pg_catalog.pg_extension \set object e.oid \ir comment.sql
WHERE n.nspname = ANY (?)
