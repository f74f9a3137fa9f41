-- Row-level security policies on the tables, partitioned tables and partitions of the given schemas, with their command, whether
-- permissive, their roles (PUBLIC or the quoted role name, as CREATE POLICY takes them), their
-- expressions deparsed with an empty search_path, and what pg_depend records their expressions read
-- besides their own table: other tables, their columns, routines; and the columns of their own table
-- (a column a policy reads cannot change type under it).
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
       deps.ref_kinds,
       deps.ref_schemas,
       deps.ref_names,
       deps.ref_members,
       d.description AS comment
FROM pg_catalog.pg_policy p
JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
    SELECT array_agg(refs.ref_kind ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_kinds,
           array_agg(refs.ref_schema::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_schemas,
           array_agg(refs.ref_name::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_names,
           array_agg(refs.ref_member ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_members
    FROM (
        SELECT DISTINCT
               CASE WHEN rp.oid IS NOT NULL THEN CASE rp.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END
                    WHEN ra.attname IS NOT NULL THEN 'COLUMN'
                    WHEN rc.relkind = 'v' THEN 'VIEW'
                    ELSE 'TABLE' END AS ref_kind,
               COALESCE(rpn.nspname, rcn.nspname) AS ref_schema,
               COALESCE(rc.relname,
                        rp.proname || '(' || pg_catalog.oidvectortypes(rp.proargtypes) || ')') AS ref_name,
               COALESCE(ra.attname::text, '') AS ref_member
        FROM pg_catalog.pg_depend dep
        LEFT JOIN pg_catalog.pg_proc rp
               ON dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND rp.oid = dep.refobjid
        LEFT JOIN pg_catalog.pg_namespace rpn ON rpn.oid = rp.pronamespace
        LEFT JOIN pg_catalog.pg_class rc
               ON dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND rc.oid = dep.refobjid
              AND rc.relkind IN ('r', 'p', 'v')
        LEFT JOIN pg_catalog.pg_namespace rcn ON rcn.oid = rc.relnamespace
        LEFT JOIN pg_catalog.pg_attribute ra
               ON rc.relkind IN ('r', 'p') AND ra.attrelid = rc.oid AND ra.attnum = dep.refobjsubid
              AND dep.refobjsubid > 0
        WHERE dep.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND dep.objid = p.oid
          AND dep.deptype IN ('n', 'a')
          AND (rp.oid IS NOT NULL OR rc.oid IS NOT NULL)
          AND NOT (rc.oid IS NOT DISTINCT FROM c.oid AND ra.attname IS NULL)
          AND COALESCE(rpn.nspname, rcn.nspname) NOT IN ('pg_catalog', 'information_schema')
    ) refs
) deps
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                    AND x.objid = c.oid AND x.deptype = 'e')
