-- Domains of the given schemas (extension members skipped) with their base type (format_type, so
-- schema-qualified when a user type), collation when not the base type's, NOT NULL, default, CHECK
-- constraints (name and pg_get_constraintdef, as parallel arrays in name order; from PostgreSQL 17 a
-- domain's NOT NULL is also a pg_constraint row, contype 'n', which typnotnull already says), and
-- what they depend on: a user base type (enum, domain, composite) and the routines the checks call.
SELECT n.nspname AS domain_schema,
       t.typname AS domain_name,
       pg_catalog.format_type(t.typbasetype, t.typtypmod) AS base_type,
       CASE WHEN t.typcollation <> 0 AND t.typcollation <> bt.typcollation THEN
            CASE WHEN coll_n.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(coll.collname)
                 ELSE pg_catalog.quote_ident(coll_n.nspname) || '.' || pg_catalog.quote_ident(coll.collname)
            END
       END AS collation,
       t.typnotnull AS not_null,
       t.typdefault AS default_expression,
       checks.names AS check_names,
       checks.definitions AS check_definitions,
       deps.*, -- ref_kinds, ref_schemas, ref_names, ref_members: what ref_arrays.sql names
       d.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = t.typcollation
LEFT JOIN pg_catalog.pg_namespace coll_n ON coll_n.oid = coll.collnamespace
CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(con.conname::text ORDER BY con.conname), '{}'::text[]) AS names,
           COALESCE(array_agg(pg_catalog.pg_get_constraintdef(con.oid) ORDER BY con.conname), '{}'::text[]) AS definitions
    FROM pg_catalog.pg_constraint con
    WHERE con.contypid = t.oid AND con.contype = 'c'
) checks
CROSS JOIN LATERAL (
\ir ref_arrays.sql
    FROM (
        SELECT CASE bt.typtype WHEN 'e' THEN 'ENUM' WHEN 'd' THEN 'DOMAIN' ELSE 'COMPOSITE_TYPE' END AS ref_kind,
               btn.nspname AS ref_schema, bt.typname::text AS ref_name, ''::text AS ref_member
        FROM pg_catalog.pg_namespace btn
        WHERE btn.oid = bt.typnamespace AND bt.typtype IN ('e', 'd', 'c')
          AND btn.nspname NOT IN ('pg_catalog', 'information_schema')
        UNION
        SELECT 'ROUTINE', pn.nspname, p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')', ''
        FROM pg_catalog.pg_constraint con
        JOIN pg_catalog.pg_depend dep
          ON dep.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND dep.objid = con.oid
         AND dep.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass
        JOIN pg_catalog.pg_proc p ON p.oid = dep.refobjid
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
        WHERE con.contypid = t.oid AND pn.nspname NOT IN ('pg_catalog', 'information_schema')
    ) refs
) deps
\set catalog pg_catalog.pg_type \set object t.oid \ir comment.sql
WHERE t.typtype = 'd'
  AND n.nspname = ANY (?)
\ir not_extension_member.sql
