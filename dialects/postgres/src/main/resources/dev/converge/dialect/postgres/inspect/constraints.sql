-- Primary key, unique, check and exclusion constraints of the ordinary, non-partition tables of the
-- given schemas, with their column names in conkey order (expression entries, attnum 0, have no name
-- and are left out). Inherited copies on partitions (conparentid <> 0) are not listed.
--
-- One pass with a lateral array per row (an index lookup per key column), never an aggregated CTE
-- joined back: without catalog statistics (a freshly loaded shadow) that join goes quadratic.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       o.conname AS constraint_name,
       CASE o.contype WHEN 'p' THEN 'PRIMARY_KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'c' THEN 'CHECK' ELSE 'EXCLUDE' END
           AS constraint_kind,
       pg_catalog.pg_get_constraintdef(o.oid) AS definition,
       cols.column_names,
       d.description AS comment
FROM pg_catalog.pg_constraint o
JOIN pg_catalog.pg_class c ON c.oid = o.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(a.attname::text ORDER BY k.ord), '{}'::text[]) AS column_names
    FROM unnest(o.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = o.conrelid AND a.attnum = k.attnum
) cols
\set catalog pg_catalog.pg_constraint \set object o.oid \ir comment.sql
WHERE o.contype IN ('p', 'u', 'c', 'x')
  AND o.conparentid = 0
  AND c.relkind IN ('r', 'p')
  -- a partition lists only its own checks, not those it inherits from its parent
  AND (NOT c.relispartition OR o.conislocal)
  AND n.nspname = ANY (?)
\set catalog pg_catalog.pg_class \set object c.oid \ir not_extension_member.sql
