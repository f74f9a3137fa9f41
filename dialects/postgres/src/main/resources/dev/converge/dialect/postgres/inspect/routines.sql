-- Functions and procedures of the given schemas (C and internal-language ones too: a function of an
-- installed library is a definition like any other; window functions, not aggregates, not extension members), one row per signature, with the complete
-- CREATE OR REPLACE statement as the server prints it, the argument list and result that decide
-- whether CREATE OR REPLACE can change it, its language, its search_path setting (to resolve the
-- unqualified names of its body) and what pg_depend records it uses: the types of tables and views
-- in its signature, the enums, and, for SQL-standard bodies (BEGIN ATOMIC), the tables, columns
-- and routines the body reads (a column as a ref of its own). What a string body reads is found by the
-- inspector afterwards (RoutineBodies).
SELECT n.nspname AS routine_schema,
       p.proname AS routine_name,
       pg_catalog.oidvectortypes(p.proargtypes) AS signature,
       CASE p.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END AS routine_kind,
       pg_catalog.pg_get_function_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind = 'p' THEN NULL ELSE pg_catalog.pg_get_function_result(p.oid) END AS result,
       pg_catalog.pg_get_functiondef(p.oid) AS definition,
       l.lanname AS language,
       (SELECT substring(cfg FROM 13) FROM unnest(p.proconfig) AS cfg WHERE cfg LIKE 'search_path=%' LIMIT 1)
           AS search_path,
       deps.ref_kinds,
       deps.ref_schemas,
       deps.ref_names,
       deps.ref_members,
       d.description AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
CROSS JOIN LATERAL (
    SELECT array_agg(refs.ref_kind ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_kinds,
           array_agg(refs.ref_schema::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_schemas,
           array_agg(refs.ref_name::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_names,
           array_agg(refs.ref_member ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_members
    FROM (
        SELECT DISTINCT
               CASE WHEN rp.oid IS NOT NULL THEN CASE rp.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END
                    WHEN rt.typtype = 'e' THEN 'ENUM'
                    WHEN COALESCE(rc.relkind, trc.relkind) = 'v' THEN 'VIEW'
                    ELSE 'TABLE' END AS ref_kind,
               COALESCE(rpn.nspname, rcn.nspname, trcn.nspname, rtn.nspname) AS ref_schema,
               CASE WHEN rp.oid IS NOT NULL
                    THEN rp.proname || '(' || pg_catalog.oidvectortypes(rp.proargtypes) || ')'
                    ELSE COALESCE(rc.relname, trc.relname, rt.typname) END AS ref_name,
               '' AS ref_member
        FROM pg_catalog.pg_depend dep
        LEFT JOIN pg_catalog.pg_proc rp
               ON dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND rp.oid = dep.refobjid
              AND rp.oid <> p.oid
        LEFT JOIN pg_catalog.pg_namespace rpn ON rpn.oid = rp.pronamespace
        LEFT JOIN pg_catalog.pg_class rc
               ON dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND rc.oid = dep.refobjid
              AND rc.relkind IN ('r', 'p', 'v')
        LEFT JOIN pg_catalog.pg_namespace rcn ON rcn.oid = rc.relnamespace
        LEFT JOIN pg_catalog.pg_type rt
               ON dep.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND rt.oid = dep.refobjid
              AND (rt.typtype = 'e' OR rt.typrelid <> 0)
        LEFT JOIN pg_catalog.pg_namespace rtn ON rtn.oid = rt.typnamespace
        -- a table's or view's row type stands for the table or view itself
        LEFT JOIN pg_catalog.pg_class trc ON trc.oid = rt.typrelid AND trc.relkind IN ('r', 'p', 'v')
        LEFT JOIN pg_catalog.pg_namespace trcn ON trcn.oid = trc.relnamespace
        WHERE dep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND dep.objid = p.oid
          AND dep.deptype = 'n'
          AND (rp.oid IS NOT NULL OR rc.oid IS NOT NULL OR rt.typtype = 'e' OR trc.oid IS NOT NULL)
          AND COALESCE(rpn.nspname, rcn.nspname, trcn.nspname, rtn.nspname) NOT IN ('pg_catalog', 'information_schema')
        UNION
        -- the columns a SQL-standard body reads, one by one: PostgreSQL refuses to change their type
        -- (or drop them) while the routine exists
        SELECT 'COLUMN', can.nspname, ca.relname, cat.attname::text
        FROM pg_catalog.pg_depend cdep
        JOIN pg_catalog.pg_class ca
          ON cdep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ca.oid = cdep.refobjid
         AND ca.relkind IN ('r', 'p')
        JOIN pg_catalog.pg_namespace can ON can.oid = ca.relnamespace
        JOIN pg_catalog.pg_attribute cat ON cat.attrelid = ca.oid AND cat.attnum = cdep.refobjsubid
        WHERE cdep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND cdep.objid = p.oid
          AND cdep.deptype = 'n' AND cdep.refobjsubid > 0
          AND can.nspname NOT IN ('pg_catalog', 'information_schema')
    ) refs
) deps
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objsubid = 0
WHERE p.prokind IN ('f', 'p', 'w')
  -- not the constructors PostgreSQL makes for a range type (an internal dependency on it)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend di
                  WHERE di.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND di.objid = p.oid
                    AND di.deptype = 'i')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                    AND x.objid = p.oid AND x.deptype = 'e')
