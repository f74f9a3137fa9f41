-- Functions and procedures of the given schemas (C and internal-language ones too: a function of an
-- installed library is a definition like any other; window functions, not aggregates, not extension members), one row per signature, with the complete
-- CREATE OR REPLACE statement as the server prints it, the argument list and result that decide
-- whether CREATE OR REPLACE can change it, its language, its search_path setting (to resolve the
-- unqualified names of its body) and what pg_depend records it uses (named by object_references.sql,
-- like the references of views and policies): the row types of tables and views in its signature,
-- the enums, and, for SQL-standard bodies (BEGIN ATOMIC), the relations, columns, sequences and
-- routines the body reads. What a string body reads is found by the
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
       deps.*, -- ref_kinds, ref_schemas, ref_names, ref_members: what object_references.sql names
       d.description AS comment
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
JOIN pg_catalog.pg_language l ON l.oid = p.prolang
CROSS JOIN LATERAL (
    WITH depends_on AS (
        SELECT dep.refclassid, dep.refobjid, dep.refobjsubid
        FROM pg_catalog.pg_depend dep
        WHERE dep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND dep.objid = p.oid
          AND dep.deptype = 'n'
          AND NOT (dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND dep.refobjid = p.oid)
    )
\ir object_references.sql
) deps
\set catalog pg_catalog.pg_proc \set object p.oid \ir comment.sql
WHERE p.prokind IN ('f', 'p', 'w')
  -- not the constructors PostgreSQL makes for a range type (an internal dependency on it)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend di
                  WHERE di.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND di.objid = p.oid
                    AND di.deptype = 'i')
  AND n.nspname = ANY (?)
\ir not_extension_member.sql
