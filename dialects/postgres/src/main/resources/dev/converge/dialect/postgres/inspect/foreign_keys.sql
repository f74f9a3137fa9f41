-- Foreign keys of the tables, partitioned tables and partitions of the given schemas, with their columns
-- and referenced columns in key order. A partition's own keys (pg_dump: ALTER TABLE ONLY part ADD
-- CONSTRAINT ... FOREIGN KEY) are listed; the copies PostgreSQL makes of a parent's key on its
-- partitions, and for the partitions of a referenced partitioned table, (conparentid <> 0) are not.
--
-- One pass, aggregated with GROUP BY: joining an aggregated CTE back to the constraint rows made the
-- planner, which has no statistics on a freshly loaded shadow's catalogs, pick a nested loop over two
-- CTE scans (O(n^2): 8 s for 10,000 keys). Every join here is an index lookup or a small hash.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       o.conname AS constraint_name,
       array_agg(a.attname::text ORDER BY k.ord) AS column_names,
       rn.nspname AS referenced_schema,
       rc.relname AS referenced_table,
       array_agg(ra.attname::text ORDER BY k.ord) AS referenced_column_names,
       pg_catalog.pg_get_constraintdef(o.oid) AS definition,
       d.description AS comment
FROM pg_catalog.pg_constraint o
JOIN pg_catalog.pg_class c ON c.oid = o.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class rc ON rc.oid = o.confrelid
JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
CROSS JOIN LATERAL unnest(o.conkey, o.confkey) WITH ORDINALITY AS k(attnum, refattnum, ord)
JOIN pg_catalog.pg_attribute a ON a.attrelid = o.conrelid AND a.attnum = k.attnum
JOIN pg_catalog.pg_attribute ra ON ra.attrelid = o.confrelid AND ra.attnum = k.refattnum
\set catalog pg_catalog.pg_constraint \set object o.oid \ir comment.sql
WHERE o.contype = 'f'
  AND o.conparentid = 0
  AND c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
\set catalog pg_catalog.pg_class \set object c.oid \ir not_extension_member.sql
GROUP BY o.oid, o.conname, n.nspname, c.relname, rn.nspname, rc.relname, d.description
