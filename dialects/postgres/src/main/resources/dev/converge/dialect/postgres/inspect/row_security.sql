-- Tables, partitioned tables and partitions of the given schemas whose row-level security is enabled
-- or forced (each its own: a partition's setting applies when it is queried directly).
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       c.relrowsecurity AS enabled,
       c.relforcerowsecurity AS forced
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND (c.relrowsecurity OR c.relforcerowsecurity)
  AND n.nspname = ANY (?)
\set catalog pg_catalog.pg_class \set object c.oid \ir not_extension_member.sql
