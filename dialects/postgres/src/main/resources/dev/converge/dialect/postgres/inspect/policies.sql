-- Row-level security policies on the tables, partitioned tables and partitions of the given schemas, with their command, whether
-- permissive, their roles (PUBLIC or the quoted role name, as CREATE POLICY takes them), their
-- expressions deparsed with an empty search_path, and what pg_depend records their expressions read
-- (named by object_references.sql, like the references of views and routines): other relations and
-- their columns, sequences, routines; and the columns of their own table (a column a policy reads
-- cannot change type under it).
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       p.polname AS policy_name,
       p.polpermissive AS permissive,
       CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                     WHEN 'd' THEN 'DELETE' ELSE 'ALL' END AS command,
       ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(pg_catalog.pg_get_userbyid(r)) END
             FROM unnest(p.polroles) AS r ORDER BY 1) AS roles,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expression,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression,
       deps.*, -- ref_kinds, ref_schemas, ref_names, ref_members: what object_references.sql names
       d.description AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
    -- its own table, but not the columns of it that it reads
    WITH depends_on AS (
        SELECT dep.refclassid, dep.refobjid, dep.refobjsubid
        FROM pg_catalog.pg_depend dep
        WHERE dep.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND dep.objid = p.oid
          AND dep.deptype IN ('n', 'a')
          AND NOT (dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND dep.refobjid = c.oid
                   AND dep.refobjsubid = 0)
    )
\ir object_references.sql
) deps
\set catalog pg_catalog.pg_policy \set object p.oid \ir comment.sql
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
\set catalog pg_catalog.pg_class \set object c.oid \ir not_extension_member.sql
