-- User triggers (not the internal ones behind foreign keys, not the clones a partition gets from its
-- parent's trigger) on the tables, partitions and views of the given schemas, with their definition
-- as the server prints it, their enable state (tgenabled: O, D, R, A) and the routine they execute,
-- named with its signature.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       t.tgname AS trigger_name,
       pg_catalog.pg_get_triggerdef(t.oid, false) AS definition,
       t.tgenabled::text AS enabled,
       fn.nspname AS function_schema,
       f.proname || '(' || pg_catalog.oidvectortypes(f.proargtypes) || ')' AS function_name,
       d.description AS comment
FROM pg_catalog.pg_trigger t
JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_proc f ON f.oid = t.tgfoid
JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
\set catalog pg_catalog.pg_trigger \set object t.oid \ir comment.sql
WHERE NOT t.tgisinternal
  AND t.tgparentid = 0
  AND c.relkind IN ('r', 'v', 'p')
  AND n.nspname = ANY (?)
\set catalog pg_catalog.pg_class \set object c.oid \ir not_extension_member.sql
