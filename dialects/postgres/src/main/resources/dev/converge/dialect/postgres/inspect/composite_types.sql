-- Stand-alone composite types (CREATE TYPE t AS (...), pg_class relkind 'c') of the given schemas,
-- extension members skipped, with their attributes in attnum order as parallel arrays (name, type,
-- collation or '' when the type's default) and the user types of their attributes.
SELECT n.nspname AS type_schema,
       t.typname AS type_name,
       attrs.names AS attribute_names,
       attrs.types AS attribute_types,
       attrs.collations AS attribute_collations,
       deps.*, -- ref_kinds, ref_schemas, ref_names, ref_members: what ref_arrays.sql names
       d.description AS comment
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
CROSS JOIN LATERAL (
    SELECT COALESCE(array_agg(a.attname::text ORDER BY a.attnum), '{}'::text[]) AS names,
           COALESCE(array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum), '{}'::text[]) AS types,
           COALESCE(array_agg(CASE WHEN a.attcollation <> 0 AND a.attcollation <> at.typcollation THEN
                    CASE WHEN coll_n.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(coll.collname)
                         ELSE pg_catalog.quote_ident(coll_n.nspname) || '.' || pg_catalog.quote_ident(coll.collname)
                    END ELSE '' END ORDER BY a.attnum), '{}'::text[]) AS collations
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
    LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
    LEFT JOIN pg_catalog.pg_namespace coll_n ON coll_n.oid = coll.collnamespace
    WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
) attrs
CROSS JOIN LATERAL (
\ir ref_arrays.sql
    FROM (
        SELECT DISTINCT CASE ut.typtype WHEN 'e' THEN 'ENUM' WHEN 'd' THEN 'DOMAIN' ELSE 'COMPOSITE_TYPE' END AS ref_kind,
               un.nspname AS ref_schema, ut.typname::text AS ref_name, ''::text AS ref_member
        FROM pg_catalog.pg_attribute a
        JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
        JOIN pg_catalog.pg_type ut ON ut.oid = CASE WHEN at.typcategory = 'A' THEN at.typelem ELSE at.oid END
        JOIN pg_catalog.pg_namespace un ON un.oid = ut.typnamespace
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          AND ut.typtype IN ('e', 'd', 'c')
          AND un.nspname NOT IN ('pg_catalog', 'information_schema')
    ) refs
) deps
\set catalog pg_catalog.pg_type \set object t.oid \ir comment.sql
WHERE t.typtype = 'c'
  AND n.nspname = ANY (?)
\ir not_extension_member.sql
