-- Collation objects (CREATE COLLATION) of the given schemas, not extension members: provider, locale
-- (ICU and builtin) or LC_COLLATE/LC_CTYPE (libc), deterministic flag, ICU rules, comment. The
-- locale column moved between majors (collcollate for ICU before 15, colliculocale in 15-16,
-- colllocale from 17; collicurules from 16): they are read through to_jsonb of the row, so the query
-- names no column a major lacks.
SELECT n.nspname AS collation_schema,
       co.collname AS collation_name,
       CASE co.collprovider WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'libc' END AS provider,
       CASE WHEN co.collprovider = 'c' THEN NULL
            ELSE COALESCE(j.row ->> 'colllocale', j.row ->> 'colliculocale', j.row ->> 'collcollate') END AS locale,
       CASE WHEN co.collprovider = 'c' THEN j.row ->> 'collcollate' END AS lc_collate,
       CASE WHEN co.collprovider = 'c' THEN j.row ->> 'collctype' END AS lc_ctype,
       co.collisdeterministic AS deterministic,
       j.row ->> 'collicurules' AS rules,
       d.description AS comment
FROM pg_catalog.pg_collation co
JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
CROSS JOIN LATERAL (SELECT pg_catalog.to_jsonb(co) AS row) j
\set catalog pg_catalog.pg_collation \set object co.oid \ir comment.sql
WHERE n.nspname = ANY (?)
\ir not_extension_member.sql
ORDER BY 1, 2
