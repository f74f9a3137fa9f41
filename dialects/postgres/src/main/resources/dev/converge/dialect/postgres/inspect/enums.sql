-- Enum types of the given schemas with their labels in sort order; extension members are skipped.
SELECT n.nspname AS type_schema,
       t.typname AS type_name,
       COALESCE(array_agg(e.enumlabel ORDER BY e.enumsortorder) FILTER (WHERE e.enumlabel IS NOT NULL),
                '{}'::text[]) AS labels,
       d.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
\set catalog pg_catalog.pg_type \set object t.oid \ir comment.sql
WHERE t.typtype = 'e'
  AND n.nspname = ANY (?)
\ir not_extension_member.sql
GROUP BY n.nspname, t.typname, d.description
