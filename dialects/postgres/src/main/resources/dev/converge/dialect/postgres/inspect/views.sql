-- Views and materialized views (materialized = true) of the given schemas (extension members skipped) with their oid
-- (their deparsed query is read by view_definitions.sql, which says why), their reloptions and what their rewrite rule depends on: tables (r, p) and their columns, views, sequences, user enum
-- types and routines (functions the query calls, named with their signature), never the view itself and never objects of pg_catalog or information_schema.
--
-- The dependencies are aggregated per view in a lateral subquery (index lookups on pg_rewrite and
-- pg_depend), not in a CTE joined back: without fresh catalog statistics that join can go quadratic.
-- Comments on the view's columns (pg_description rows with objsubid > 0) are aggregated the same way,
-- as two arrays in column-name order.
SELECT n.nspname AS view_schema,
       c.relname AS view_name,
       c.relkind = 'm' AS materialized,
       c.oid::pg_catalog.int8 AS view_oid,
       COALESCE(c.reloptions, '{}'::text[]) AS options,
       deps.ref_kinds,
       deps.ref_schemas,
       deps.ref_names,
       deps.ref_members,
       d.description AS comment,
       col_comments.column_names AS comment_columns,
       col_comments.comments AS column_comments
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
    SELECT array_agg(refs.ref_kind ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_kinds,
           array_agg(refs.ref_schema::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_schemas,
           array_agg(refs.ref_name::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_names,
           array_agg(refs.ref_member ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_members
    FROM (
        SELECT DISTINCT
               CASE WHEN rp.oid IS NOT NULL THEN CASE rp.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END
                    WHEN rc.oid IS NULL THEN 'ENUM'
                    WHEN rc.relkind = 'v' THEN 'VIEW'
                    WHEN rc.relkind = 'm' THEN 'MATERIALIZED_VIEW'
                    WHEN rc.relkind = 'S' THEN 'SEQUENCE'
                    WHEN member.is_column THEN 'COLUMN'
                    ELSE 'TABLE' END AS ref_kind,
               COALESCE(rcn.nspname, rtn.nspname, rpn.nspname) AS ref_schema,
               COALESCE(rc.relname, rt.typname,
                        rp.proname || '(' || pg_catalog.oidvectortypes(rp.proargtypes) || ')') AS ref_name,
               CASE WHEN member.is_column THEN ra.attname::text ELSE '' END AS ref_member
        FROM pg_catalog.pg_rewrite r
        JOIN pg_catalog.pg_depend dep
          ON dep.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND dep.objid = r.oid
         AND dep.refobjid <> c.oid
        LEFT JOIN pg_catalog.pg_class rc
               ON dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND rc.oid = dep.refobjid
              AND rc.relkind IN ('r', 'p', 'v', 'm', 'S')
        LEFT JOIN pg_catalog.pg_namespace rcn ON rcn.oid = rc.relnamespace
        LEFT JOIN pg_catalog.pg_type rt
               ON dep.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND rt.oid = dep.refobjid
              AND rt.typtype = 'e'
        LEFT JOIN pg_catalog.pg_namespace rtn ON rtn.oid = rt.typnamespace
        LEFT JOIN pg_catalog.pg_proc rp
               ON dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND rp.oid = dep.refobjid
        LEFT JOIN pg_catalog.pg_namespace rpn ON rpn.oid = rp.pronamespace
        -- a column of a table the view reads gives two refs: the table (to order the view after it)
        -- and the column (so that only a change of a column the view really reads replaces it)
        LEFT JOIN pg_catalog.pg_attribute ra
               ON rc.relkind IN ('r', 'p') AND ra.attrelid = rc.oid AND ra.attnum = dep.refobjsubid
              AND dep.refobjsubid > 0
        CROSS JOIN LATERAL (VALUES (false), (true)) AS member(is_column)
        WHERE r.ev_class = c.oid
          AND (NOT member.is_column OR ra.attname IS NOT NULL)
          AND (rc.oid IS NOT NULL OR rt.oid IS NOT NULL OR rp.oid IS NOT NULL)
          AND COALESCE(rcn.nspname, rtn.nspname, rpn.nspname) NOT IN ('pg_catalog', 'information_schema')
        UNION
        -- the operators and text search configurations it uses (catalog objects, replaced whole)
        SELECT CASE WHEN op.oid IS NOT NULL THEN 'OPERATOR' ELSE 'TEXT_SEARCH_CONFIGURATION' END,
               COALESCE(opn.nspname, cfn.nspname),
               COALESCE(op.oprname || '(' || COALESCE(pg_catalog.format_type(op.oprleft, NULL), 'NONE') || ', '
                            || COALESCE(pg_catalog.format_type(op.oprright, NULL), 'NONE') || ')', cf.cfgname::text),
               ''
        FROM pg_catalog.pg_rewrite r2
        JOIN pg_catalog.pg_depend d2
          ON d2.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND d2.objid = r2.oid
        LEFT JOIN pg_catalog.pg_operator op
               ON d2.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND op.oid = d2.refobjid
        LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
        LEFT JOIN pg_catalog.pg_ts_config cf
               ON d2.refclassid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND cf.oid = d2.refobjid
        LEFT JOIN pg_catalog.pg_namespace cfn ON cfn.oid = cf.cfgnamespace
        WHERE r2.ev_class = c.oid
          AND (op.oid IS NOT NULL OR cf.oid IS NOT NULL)
          AND COALESCE(opn.nspname, cfn.nspname) NOT IN ('pg_catalog', 'information_schema')
    ) refs
) deps
CROSS JOIN LATERAL (
    SELECT array_agg(a.attname::text ORDER BY a.attname) AS column_names,
           array_agg(cd.description ORDER BY a.attname) AS comments
    FROM pg_catalog.pg_description cd
    JOIN pg_catalog.pg_attribute a ON a.attrelid = cd.objoid AND a.attnum = cd.objsubid
    WHERE cd.objoid = c.oid AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cd.objsubid > 0
) col_comments
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND x.objid = c.oid AND x.deptype = 'e')
