-- The sequences each column default reads, for Column.dependsOn: nextval('public.t_id_seq'::regclass)
-- records a dependency from the pg_attrdef row to the sequence. Columns of the ordinary,
-- non-partition tables of the given schemas only; the sequence itself may live in any schema.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       a.attname AS column_name,
       sn.nspname AS sequence_schema,
       sc.relname AS sequence_name
FROM pg_catalog.pg_depend dep
JOIN pg_catalog.pg_attrdef ad ON ad.oid = dep.objid
JOIN pg_catalog.pg_class sc ON sc.oid = dep.refobjid AND sc.relkind = 'S'
JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
WHERE dep.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
  AND dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND c.relkind = 'r'
  AND NOT c.relispartition
  AND n.nspname = ANY (?)
