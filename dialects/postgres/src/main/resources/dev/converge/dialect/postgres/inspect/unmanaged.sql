-- Objects of the given schemas that Converge does not manage yet, so that a plan lists them instead
-- of ignoring them: one row per object, kind in words and a display name. Extension members are
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
    SELECT CASE p.prokind WHEN 'a' THEN 'aggregate' WHEN 'w' THEN 'window function'
                          ELSE 'function in language ' || l.lanname END,
           pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
               || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')',
           p.oid, 'pg_catalog.pg_proc'::pg_catalog.regclass
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND (p.prokind IN ('a', 'w') OR l.lanname IN ('c', 'internal'))
      -- not the constructors PostgreSQL makes for a range type (an internal dependency on it)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend di
                      WHERE di.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND di.objid = p.oid
                        AND di.deptype = 'i')
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
    SELECT 'rule', pg_catalog.quote_ident(r.rulename) || ' on ' || pg_catalog.quote_ident(n.nspname) || '.'
               || pg_catalog.quote_ident(c.relname),
           r.oid, 'pg_catalog.pg_rewrite'::pg_catalog.regclass
    FROM pg_catalog.pg_rewrite r
    JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND r.rulename <> '_RETURN'
    UNION ALL
    SELECT 'operator', pg_catalog.quote_ident(n.nspname) || '.' || o.oprname,
           o.oid, 'pg_catalog.pg_operator'::pg_catalog.regclass
    FROM pg_catalog.pg_operator o
    JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
    UNION ALL
    SELECT 'statistics object', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(s.stxname),
           s.oid, 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass
    FROM pg_catalog.pg_statistic_ext s
    JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
    UNION ALL
    SELECT 'text search configuration', pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(cf.cfgname),
           cf.oid, 'pg_catalog.pg_ts_config'::pg_catalog.regclass
    FROM pg_catalog.pg_ts_config cf
    JOIN pg_catalog.pg_namespace n ON n.oid = cf.cfgnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
) objects
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = objects.classid AND x.objid = objects.oid AND x.deptype = 'e')
