-- Stand-alone sequences of the given schemas: identity sequences (deptype 'i') and extension members
-- (deptype 'e') are skipped. The owner, if any, is the column of an OWNED BY (deptype 'a').
SELECT n.nspname AS sequence_schema,
       c.relname AS sequence_name,
       pg_catalog.format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start_value,
       s.seqincrement AS increment_by,
       s.seqmin AS min_value,
       s.seqmax AS max_value,
       s.seqcache AS cache_size,
       s.seqcycle AS cycles,
       own_n.nspname AS owner_schema,
       own_c.relname AS owner_table,
       own_a.attname AS owner_column,
       d.description AS comment
FROM pg_catalog.pg_sequence s
JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_depend own
       ON own.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND own.objid = c.oid
      AND own.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND own.refobjsubid > 0
      AND own.deptype = 'a'
LEFT JOIN pg_catalog.pg_class own_c ON own_c.oid = own.refobjid
LEFT JOIN pg_catalog.pg_namespace own_n ON own_n.oid = own_c.relnamespace
LEFT JOIN pg_catalog.pg_attribute own_a ON own_a.attrelid = own.refobjid AND own_a.attnum = own.refobjsubid
\set catalog pg_catalog.pg_class \set object c.oid \ir comment.sql
WHERE c.relkind = 'S'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND x.objid = c.oid AND x.deptype IN ('e', 'i'))
