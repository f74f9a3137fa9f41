-- The rows of a query over a CTE "objects" of catalog objects of several catalogs, included with \ir
-- as its last lines. Each object has its catalog (class_name, such as pg_opclass), oid, kind, word
-- (the keywords of COMMENT ON, such as OPERATOR CLASS), schema (nsp), name, suffix (what follows the
-- name where the object is named, such as " USING btree", or '') and statements, the statements that
-- make it again with %s for its qualified name. A row is one object of the managed schemas with those
-- statements and its comment, never a member of an extension (created and dropped with it, never an
-- object of the project). Not comment.sql and not_extension_member.sql: those take one catalog in a
-- psql variable, these rows come from several.
SELECT o.class_name, o.oid::bigint AS objid, o.kind, n.nspname AS object_schema, o.name || o.suffix AS object_name,
       '' AS member,
       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(o.name) || o.suffix AS identity,
       array_remove(
           (SELECT array_agg(replace(s, '%s', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(o.name))
                             ORDER BY i)
            FROM unnest(o.statements) WITH ORDINALITY AS u(s, i))
           || CASE WHEN d.description IS NOT NULL THEN
                  'COMMENT ON ' || o.word || ' ' || pg_catalog.quote_ident(n.nspname) || '.'
                  || pg_catalog.quote_ident(o.name) || o.suffix || ' IS ' || pg_catalog.quote_literal(d.description) END,
           NULL) AS definition
FROM objects o
JOIN pg_catalog.pg_namespace n ON n.oid = o.nsp
LEFT JOIN pg_catalog.pg_description d ON d.objoid = o.oid AND d.classoid = ('pg_catalog.' || o.class_name)::pg_catalog.regclass
WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = ('pg_catalog.' || o.class_name)::pg_catalog.regclass AND x.objid = o.oid
                    AND x.deptype = 'e')
