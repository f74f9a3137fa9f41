-- Views and materialized views (materialized = true) of the given schemas (extension members skipped) with their oid
-- (their deparsed query is read by view_definitions.sql, which says why), their reloptions and what their rewrite rule depends on (never the view itself), named by
-- object_references.sql like the references of routines and policies.
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
       deps.*, -- ref_kinds, ref_schemas, ref_names, ref_members: what object_references.sql names
       d.description AS comment,
       col_comments.column_names AS comment_columns,
       col_comments.comments AS column_comments
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL (
    WITH depends_on AS (
        SELECT dep.refclassid, dep.refobjid, dep.refobjsubid
        FROM pg_catalog.pg_rewrite r
        JOIN pg_catalog.pg_depend dep
          ON dep.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND dep.objid = r.oid
        WHERE r.ev_class = c.oid AND dep.refobjid <> c.oid
    )
\ir object_references.sql
) deps
CROSS JOIN LATERAL (
    SELECT array_agg(a.attname::text ORDER BY a.attname) AS column_names,
           array_agg(cd.description ORDER BY a.attname) AS comments
    FROM pg_catalog.pg_description cd
    JOIN pg_catalog.pg_attribute a ON a.attrelid = cd.objoid AND a.attnum = cd.objsubid
    WHERE cd.objoid = c.oid AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cd.objsubid > 0
) col_comments
\set catalog pg_catalog.pg_class \set object c.oid \ir comment.sql
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY (?)
\ir not_extension_member.sql
