-- Objects of the given schemas that Converge does not manage yet, so that a plan lists them instead
-- of ignoring them: one row per object, kind in words and a display name (foreign tables, base and
-- range types, triggers on foreign tables, operator classes and families). Extension members are
-- skipped (extensions are managed as a whole). Every branch is an index-backed scan of one catalog.
-- Keep this list in step with what the other queries of this package read: an object kind moves
-- out of here when Converge starts managing it. The schema names are bound once, as the scope CTE.
WITH scope AS (SELECT ?::text[] AS schemas)
SELECT kind, name FROM (
    SELECT 'foreign table' AS kind,
           pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) AS name,
           c.oid AS oid, 'pg_catalog.pg_class'::pg_catalog.regclass AS classid
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND c.relkind = 'f'
    UNION ALL
    SELECT CASE t.typtype WHEN 'r' THEN 'range type' ELSE 'base type' END,
           pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(t.typname),
           t.oid, 'pg_catalog.pg_type'::pg_catalog.regclass
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND (t.typtype = 'r' OR (t.typtype = 'b' AND t.typcategory <> 'A'))
    UNION ALL
    SELECT 'trigger', pg_catalog.quote_ident(t.tgname) || ' on ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(c.relname),
           t.oid, 'pg_catalog.pg_trigger'::pg_catalog.regclass
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND NOT t.tgisinternal AND t.tgparentid = 0
      AND c.relkind NOT IN ('r', 'v', 'p')
    UNION ALL
    SELECT 'operator class', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(oc.opcname)
               || ' USING ' || am.amname,
           oc.oid, 'pg_catalog.pg_opclass'::pg_catalog.regclass
    FROM pg_catalog.pg_opclass oc
    JOIN pg_catalog.pg_namespace n ON n.oid = oc.opcnamespace
    JOIN pg_catalog.pg_am am ON am.oid = oc.opcmethod
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
    UNION ALL
    -- a family made implicitly for a class of the same name goes with the class
    SELECT 'operator family', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(f.opfname)
               || ' USING ' || am.amname,
           f.oid, 'pg_catalog.pg_opfamily'::pg_catalog.regclass
    FROM pg_catalog.pg_opfamily f
    JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
    JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_opclass oc
                      WHERE oc.opcfamily = f.oid AND oc.opcname = f.opfname AND oc.opcnamespace = f.opfnamespace)
) objects
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = objects.classid AND x.objid = objects.oid AND x.deptype = 'e')
