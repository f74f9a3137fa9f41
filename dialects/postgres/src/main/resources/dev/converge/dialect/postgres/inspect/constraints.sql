-- Primary key, unique, check and exclusion constraints of the ordinary, non-partition tables of the
-- given schemas, with their column names in conkey order (expression entries, attnum 0, have no name
-- and are left out). Inherited copies on partitions (conparentid <> 0) are not listed.
WITH con AS (
    SELECT o.oid, o.conname, o.contype, o.conrelid, o.conkey, n.nspname, c.relname
    FROM pg_catalog.pg_constraint o
    JOIN pg_catalog.pg_class c ON c.oid = o.conrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE o.contype IN ('p', 'u', 'c', 'x')
      AND o.conparentid = 0
      AND c.relkind = 'r'
      AND NOT c.relispartition
      AND n.nspname = ANY (?)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                        AND x.objid = c.oid AND x.deptype = 'e')
), cols AS (
    SELECT con.oid, array_agg(a.attname ORDER BY k.ord) AS column_names
    FROM con
    CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
    GROUP BY con.oid
)
SELECT con.nspname AS table_schema,
       con.relname AS table_name,
       con.conname AS constraint_name,
       CASE con.contype WHEN 'p' THEN 'PRIMARY_KEY' WHEN 'u' THEN 'UNIQUE' WHEN 'c' THEN 'CHECK' ELSE 'EXCLUDE' END
           AS constraint_kind,
       pg_catalog.pg_get_constraintdef(con.oid) AS definition,
       COALESCE(cols.column_names, '{}'::name[]) AS column_names,
       d.description AS comment
FROM con
LEFT JOIN cols ON cols.oid = con.oid
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = con.oid AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objsubid = 0
ORDER BY con.nspname, con.relname, con.conname
