-- What each column's default and check constraints read, for Column.dependsOn: the sequences a
-- default reads (nextval('public.t_id_seq'::regclass) records a dependency from the pg_attrdef row to
-- the sequence) and the user routines a default or a check constraint calls (a check is counted for
-- every column it names), so that a table is created after the routines it calls. Columns of the
-- ordinary, non-partition tables of the given schemas only; what they read may live in any schema
-- but the server's own.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       a.attname AS column_name,
       refs.ref_kind,
       refs.ref_schema,
       refs.ref_name
FROM (
    SELECT ad.adrelid AS relid, ad.adnum AS attnum, dep.refclassid, dep.refobjid
    FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_attrdef ad ON ad.oid = dep.objid
    WHERE dep.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
      AND dep.refclassid IN ('pg_catalog.pg_class'::pg_catalog.regclass, 'pg_catalog.pg_proc'::pg_catalog.regclass)
    UNION ALL
    SELECT con.conrelid, key.attnum, dep.refclassid, dep.refobjid
    FROM pg_catalog.pg_depend dep
    JOIN pg_catalog.pg_constraint con ON con.oid = dep.objid AND con.contype = 'c'
    CROSS JOIN LATERAL unnest(con.conkey) AS key(attnum)
    WHERE dep.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
      AND dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
) uses
CROSS JOIN LATERAL (
    SELECT 'SEQUENCE' AS ref_kind, sn.nspname::text AS ref_schema, sc.relname::text AS ref_name
    FROM pg_catalog.pg_class sc
    JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
    WHERE uses.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sc.oid = uses.refobjid AND sc.relkind = 'S'
    UNION ALL
    SELECT 'ROUTINE', pn.nspname::text, p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')'
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
    WHERE uses.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = uses.refobjid
      AND pn.nspname NOT IN ('pg_catalog', 'information_schema')
) refs
JOIN pg_catalog.pg_class c ON c.oid = uses.relid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = uses.relid AND a.attnum = uses.attnum
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname = ANY (?)
