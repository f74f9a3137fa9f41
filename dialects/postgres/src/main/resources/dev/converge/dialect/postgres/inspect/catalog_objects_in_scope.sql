-- The FROM and WHERE of a query over a CTE "objects" of catalog objects of several catalogs (columns
-- class_name, such as pg_opclass, oid and nsp), included with \ir as its last lines: the objects of
-- the managed schemas as o, their schema as n and their comment as d.description, without the members
-- of an extension (created and dropped with it, never an object of the project). Not comment.sql and
-- not_extension_member.sql: those take one catalog in a psql variable, these rows come from several.
FROM objects o
JOIN pg_catalog.pg_namespace n ON n.oid = o.nsp
LEFT JOIN pg_catalog.pg_description d ON d.objoid = o.oid AND d.classoid = ('pg_catalog.' || o.class_name)::pg_catalog.regclass
WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = ('pg_catalog.' || o.class_name)::pg_catalog.regclass AND x.objid = o.oid
                    AND x.deptype = 'e')
