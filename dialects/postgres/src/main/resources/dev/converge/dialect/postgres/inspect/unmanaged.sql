-- Objects of the given schemas that Converge does not manage yet, so that a plan lists them instead
-- of ignoring them: one row per object, kind in words and a display name (foreign tables, base and
-- range types, triggers on foreign tables, and the servers, wrappers and user mappings the foreign tables
-- use; transforms, languages, access methods and subscriptions). Extension members are
-- skipped (extensions are managed as a whole). Every branch is an index-backed scan of one catalog.
-- Keep this list in step with what the other queries of this package read: an object kind moves
-- out of here when Converge starts managing it. The schema names are bound once, as the scope CTE.
-- needed_*: the managed objects that depend on it (views and materialized views through their rule,
-- routines, tables through a column, a constraint or a trigger, indexes, domains), named as the model
-- names them, so that a plan creating one of them where the object is missing can be refused.
WITH scope AS (SELECT ?::text[] AS schemas),
foreign_tables AS (
    SELECT ft.ftserver
    FROM pg_catalog.pg_foreign_table ft
    JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
)
SELECT kind, name, needs.needed_kinds, needs.needed_schemas, needs.needed_names FROM (
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
    -- what a foreign table of the given schemas reads through, which belongs to the database rather than
    -- to a schema: its server, the server's wrapper (or a wrapper whose handler or validator is a routine
    -- of the given schemas), and the user mappings on the server, named by role and server only (their
    -- options may hold a password: pg_user_mappings is read for the names, never its umoptions)
    SELECT 'server', pg_catalog.quote_ident(s.srvname), s.oid, 'pg_catalog.pg_foreign_server'::pg_catalog.regclass
    FROM pg_catalog.pg_foreign_server s
    WHERE s.oid IN (SELECT ft.ftserver FROM foreign_tables ft)
    UNION ALL
    SELECT 'foreign data wrapper', pg_catalog.quote_ident(w.fdwname), w.oid,
           'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass
    FROM pg_catalog.pg_foreign_data_wrapper w
    WHERE w.oid IN (SELECT s.srvfdw FROM pg_catalog.pg_foreign_server s
                    WHERE s.oid IN (SELECT ft.ftserver FROM foreign_tables ft))
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                  WHERE p.oid IN (w.fdwhandler, w.fdwvalidator)
                    AND n.nspname = ANY ((SELECT schemas FROM scope)::text[]))
    UNION ALL
    SELECT 'user mapping', 'for ' || CASE WHEN um.umuser = 0 THEN 'PUBLIC' ELSE pg_catalog.quote_ident(um.usename) END
               || ' on server ' || pg_catalog.quote_ident(um.srvname),
           um.umid, 'pg_catalog.pg_user_mapping'::pg_catalog.regclass
    FROM pg_catalog.pg_user_mappings um
    WHERE um.srvid IN (SELECT ft.ftserver FROM foreign_tables ft)
    UNION ALL
    -- what belongs to the database and changes what its objects do: transforms, procedural languages
    -- and access methods made by hand, and subscriptions (read by name only: their connection string
    -- may hold a password). ALTER DEFAULT PRIVILEGES is not an object here on purpose: see coverage.md
    SELECT 'transform', 'for ' || pg_catalog.format_type(t.trftype, NULL) || ' language '
               || pg_catalog.quote_ident(l.lanname),
           t.oid, 'pg_catalog.pg_transform'::pg_catalog.regclass
    FROM pg_catalog.pg_transform t JOIN pg_catalog.pg_language l ON l.oid = t.trflang
    UNION ALL
    -- 16384 is FirstNormalObjectId: below it, what initdb made
    SELECT 'language', pg_catalog.quote_ident(l.lanname), l.oid, 'pg_catalog.pg_language'::pg_catalog.regclass
    FROM pg_catalog.pg_language l WHERE l.oid >= 16384
    UNION ALL
    SELECT 'access method', pg_catalog.quote_ident(a.amname), a.oid, 'pg_catalog.pg_am'::pg_catalog.regclass
    FROM pg_catalog.pg_am a WHERE a.oid >= 16384
    UNION ALL
    SELECT 'subscription', pg_catalog.quote_ident(s.subname), s.oid, 'pg_catalog.pg_subscription'::pg_catalog.regclass
    FROM pg_catalog.pg_subscription s
    WHERE s.subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
) objects
CROSS JOIN LATERAL (
    SELECT array_agg(d.kind ORDER BY d.kind, d.schema_name, d.name) AS needed_kinds,
           array_agg(d.schema_name ORDER BY d.kind, d.schema_name, d.name) AS needed_schemas,
           array_agg(d.name ORDER BY d.kind, d.schema_name, d.name) AS needed_names
    FROM (
        SELECT DISTINCT
               CASE WHEN p.oid IS NOT NULL THEN CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END
                    WHEN ty.oid IS NOT NULL THEN 'DOMAIN'
                    WHEN rc.relkind = 'v' THEN 'VIEW' WHEN rc.relkind = 'm' THEN 'MATERIALIZED_VIEW'
                    WHEN rc.relkind IN ('i', 'I') THEN 'INDEX'
                    ELSE 'TABLE' END AS kind,
               COALESCE(pn.nspname, tyn.nspname, rcn.nspname)::text AS schema_name,
               COALESCE(p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')', ty.typname,
                        rc.relname)::text AS name
        FROM pg_catalog.pg_depend dep
        LEFT JOIN pg_catalog.pg_proc p ON dep.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = dep.objid
        LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
        LEFT JOIN pg_catalog.pg_type ty ON dep.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND ty.oid = dep.objid
              AND ty.typtype = 'd'
        LEFT JOIN pg_catalog.pg_namespace tyn ON tyn.oid = ty.typnamespace
        -- the relation: the object itself (a table through a column, an index), or the table or view
        -- of a rule, constraint or trigger
        LEFT JOIN pg_catalog.pg_class rc ON rc.oid = CASE dep.classid
                WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN dep.objid
                WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN (SELECT ev_class FROM pg_catalog.pg_rewrite WHERE oid = dep.objid)
                WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN (SELECT conrelid FROM pg_catalog.pg_constraint WHERE oid = dep.objid)
                WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN (SELECT tgrelid FROM pg_catalog.pg_trigger WHERE oid = dep.objid)
                END
        LEFT JOIN pg_catalog.pg_namespace rcn ON rcn.oid = rc.relnamespace
        WHERE dep.refclassid = objects.classid AND dep.refobjid = objects.oid AND dep.deptype = 'n'
          AND COALESCE(pn.nspname, tyn.nspname, rcn.nspname) IS NOT NULL
          -- not what PostgreSQL made for the object itself (a range type's constructors)
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend di
                          WHERE di.classid = dep.classid AND di.objid = dep.objid AND di.deptype = 'i')
    ) d
) needs
WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = objects.classid AND x.objid = objects.oid AND x.deptype = 'e')
