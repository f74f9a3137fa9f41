-- Foreign keys of the ordinary, non-partition tables of the given schemas, with their columns and
-- referenced columns in key order. The copies PostgreSQL adds for partitions of a referenced
-- partitioned table (conparentid <> 0) are not listed.
WITH fk AS (
    SELECT o.oid, o.conname, o.conrelid, o.conkey, o.confrelid, o.confkey, n.nspname, c.relname
    FROM pg_catalog.pg_constraint o
    JOIN pg_catalog.pg_class c ON c.oid = o.conrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE o.contype = 'f'
      AND o.conparentid = 0
      AND c.relkind = 'r'
      AND NOT c.relispartition
      AND n.nspname = ANY (?)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                        AND x.objid = c.oid AND x.deptype = 'e')
), cols AS (
    SELECT fk.oid,
           array_agg(a.attname ORDER BY k.ord) AS column_names,
           array_agg(ra.attname ORDER BY k.ord) AS referenced_column_names
    FROM fk
    CROSS JOIN LATERAL unnest(fk.conkey, fk.confkey) WITH ORDINALITY AS k(attnum, refattnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = fk.conrelid AND a.attnum = k.attnum
    JOIN pg_catalog.pg_attribute ra ON ra.attrelid = fk.confrelid AND ra.attnum = k.refattnum
    GROUP BY fk.oid
)
SELECT fk.nspname AS table_schema,
       fk.relname AS table_name,
       fk.conname AS constraint_name,
       cols.column_names,
       rn.nspname AS referenced_schema,
       rc.relname AS referenced_table,
       cols.referenced_column_names,
       pg_catalog.pg_get_constraintdef(fk.oid) AS definition,
       d.description AS comment
FROM fk
JOIN cols ON cols.oid = fk.oid
JOIN pg_catalog.pg_class rc ON rc.oid = fk.confrelid
JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = fk.oid AND d.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND d.objsubid = 0
ORDER BY fk.nspname, fk.relname, fk.conname
