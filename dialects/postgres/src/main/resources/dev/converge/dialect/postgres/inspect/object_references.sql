-- What one object reads, named as the model names each kind: the body of the lateral subquery that
-- views.sql, routines.sql and policies.sql include with \ir. The including query defines depends_on
-- (refclassid, refobjid, refobjsubid): the pg_depend rows of that one object, its own row already
-- left out. Kept in one place so that the three kinds know the same referenced kinds: routines and
-- aggregates (named with their signature), tables (r, p), views, materialized views, sequences, the
-- columns of tables, user enum types, row types (which stand for their table or view), operators and
-- text search configurations; never objects of pg_catalog or information_schema.
--
-- A column gives two refs: its table (to order the reader after it) and the column (so that only a
-- change of a column the reader really reads replaces it). The result is the four arrays of
-- ref_arrays.sql.
\ir ref_arrays.sql
FROM (
    SELECT DISTINCT
           CASE WHEN rp.oid IS NOT NULL THEN CASE rp.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END
                WHEN op.oid IS NOT NULL THEN 'OPERATOR'
                WHEN cf.oid IS NOT NULL THEN 'TEXT_SEARCH_CONFIGURATION'
                WHEN rc.oid IS NULL THEN 'ENUM'
                WHEN member.is_column THEN 'COLUMN'
                WHEN rc.relkind = 'v' THEN 'VIEW'
                WHEN rc.relkind = 'm' THEN 'MATERIALIZED_VIEW'
                WHEN rc.relkind = 'S' THEN 'SEQUENCE'
                ELSE 'TABLE' END AS ref_kind,
           COALESCE(rpn.nspname, opn.nspname, cfn.nspname, rcn.nspname, rtn.nspname) AS ref_schema,
           COALESCE(rp.proname || '(' || pg_catalog.oidvectortypes(rp.proargtypes) || ')',
                    op.oprname || '(' || COALESCE(pg_catalog.format_type(op.oprleft, NULL), 'NONE') || ', '
                        || COALESCE(pg_catalog.format_type(op.oprright, NULL), 'NONE') || ')',
                    cf.cfgname::text, rc.relname::text, rt.typname::text) AS ref_name,
           CASE WHEN member.is_column THEN ra.attname::text ELSE '' END AS ref_member
    FROM depends_on dep
    LEFT JOIN pg_catalog.pg_proc rp
           ON dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND rp.oid = dep.refobjid
    LEFT JOIN pg_catalog.pg_namespace rpn ON rpn.oid = rp.pronamespace
    LEFT JOIN pg_catalog.pg_operator op
           ON dep.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND op.oid = dep.refobjid
    LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
    LEFT JOIN pg_catalog.pg_ts_config cf
           ON dep.refclassid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND cf.oid = dep.refobjid
    LEFT JOIN pg_catalog.pg_namespace cfn ON cfn.oid = cf.cfgnamespace
    LEFT JOIN pg_catalog.pg_type rt
           ON dep.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND rt.oid = dep.refobjid
          AND (rt.typtype = 'e' OR rt.typrelid <> 0)
    LEFT JOIN pg_catalog.pg_namespace rtn ON rtn.oid = rt.typnamespace
    -- the relation read, or the one whose row type is read
    LEFT JOIN pg_catalog.pg_class rc
           ON rc.oid = CASE WHEN dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass THEN dep.refobjid
                            ELSE rt.typrelid END
          AND rc.relkind IN ('r', 'p', 'v', 'm', 'S')
    LEFT JOIN pg_catalog.pg_namespace rcn ON rcn.oid = rc.relnamespace
    LEFT JOIN pg_catalog.pg_attribute ra
           ON rc.relkind IN ('r', 'p') AND ra.attrelid = rc.oid AND ra.attnum = dep.refobjsubid
          AND dep.refobjsubid > 0
    CROSS JOIN LATERAL (VALUES (false), (true)) AS member(is_column)
    WHERE (NOT member.is_column OR ra.attname IS NOT NULL)
      AND (rp.oid IS NOT NULL OR op.oid IS NOT NULL OR cf.oid IS NOT NULL OR rc.oid IS NOT NULL
           OR rt.typtype = 'e')
      AND COALESCE(rpn.nspname, opn.nspname, cfn.nspname, rcn.nspname, rtn.nspname)
          NOT IN ('pg_catalog', 'information_schema')
) refs
