-- What the catalog objects (aggregates, text search objects, rules, casts, operators, operator
-- families and classes, event triggers, statistics objects, publications) depend on, from pg_depend,
-- named as the model names each kind: one row per dependent object (its catalog and oid, which the
-- queries of those kinds return too) and referenced object. Objects of the server's own schemas are
-- left out (they are always there); an array type stands for its element type, a table's row type
-- for the table.
WITH scope AS (SELECT ?::text[] AS schemas),
dep AS (
    SELECT d.classid::pg_catalog.regclass::text AS class_name, d.objid,
           d.refclassid, d.refobjid, d.refobjsubid
    FROM pg_catalog.pg_depend d
    WHERE d.deptype IN ('n', 'a')
      AND d.classid IN ('pg_catalog.pg_proc'::pg_catalog.regclass, 'pg_catalog.pg_ts_parser'::pg_catalog.regclass,
                        'pg_catalog.pg_ts_template'::pg_catalog.regclass, 'pg_catalog.pg_ts_dict'::pg_catalog.regclass,
                        'pg_catalog.pg_ts_config'::pg_catalog.regclass, 'pg_catalog.pg_rewrite'::pg_catalog.regclass,
                        'pg_catalog.pg_cast'::pg_catalog.regclass, 'pg_catalog.pg_operator'::pg_catalog.regclass,
                        'pg_catalog.pg_opfamily'::pg_catalog.regclass, 'pg_catalog.pg_opclass'::pg_catalog.regclass,
                        'pg_catalog.pg_amop'::pg_catalog.regclass, 'pg_catalog.pg_amproc'::pg_catalog.regclass,
                        'pg_catalog.pg_event_trigger'::pg_catalog.regclass,
                        'pg_catalog.pg_statistic_ext'::pg_catalog.regclass,
                        'pg_catalog.pg_publication_rel'::pg_catalog.regclass)
      AND (d.classid <> 'pg_catalog.pg_proc'::pg_catalog.regclass
           OR EXISTS (SELECT 1 FROM pg_catalog.pg_aggregate ag WHERE ag.aggfnoid = d.objid))
),
-- the operators and functions of an operator family or class are listed through pg_amop / pg_amproc
owned AS (
    SELECT CASE WHEN dep.class_name IN ('pg_amop', 'pg_amproc') THEN 'pg_opfamily' ELSE dep.class_name END AS class_name,
           CASE dep.class_name WHEN 'pg_amop' THEN (SELECT amopfamily FROM pg_catalog.pg_amop WHERE oid = dep.objid)
                               WHEN 'pg_amproc' THEN (SELECT amprocfamily FROM pg_catalog.pg_amproc WHERE oid = dep.objid)
                               ELSE dep.objid END AS objid,
           dep.refclassid, dep.refobjid, dep.refobjsubid
    FROM dep
    UNION ALL
    -- a publication's tables belong to the publication (its schemas, PostgreSQL 15+, are created
    -- first anyway: a catalog of 15 only cannot be named in a query that also runs on 13)
    SELECT 'pg_publication', pr.prpubid, d.refclassid, d.refobjid, d.refobjsubid
    FROM dep d JOIN pg_catalog.pg_publication_rel pr ON d.class_name = 'pg_publication_rel' AND pr.oid = d.objid
),
refs AS (
    SELECT o.class_name, o.objid,
           CASE WHEN p.oid IS NOT NULL THEN CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END
                WHEN c.oid IS NOT NULL THEN
                    CASE WHEN o.refobjsubid > 0 AND c.relkind IN ('r', 'p') THEN 'COLUMN'
                         WHEN c.relkind = 'v' THEN 'VIEW' WHEN c.relkind = 'm' THEN 'MATERIALIZED_VIEW'
                         ELSE 'TABLE' END
                WHEN tc.oid IS NOT NULL THEN
                    CASE WHEN tc.relkind = 'c' THEN 'COMPOSITE_TYPE' WHEN tc.relkind = 'v' THEN 'VIEW' ELSE 'TABLE' END
                WHEN t.oid IS NOT NULL THEN CASE t.typtype WHEN 'e' THEN 'ENUM' WHEN 'd' THEN 'DOMAIN' END
                WHEN tp.oid IS NOT NULL THEN 'TEXT_SEARCH_PARSER'
                WHEN tt.oid IS NOT NULL THEN 'TEXT_SEARCH_TEMPLATE'
                WHEN td.oid IS NOT NULL THEN 'TEXT_SEARCH_DICTIONARY'
                WHEN tcf.oid IS NOT NULL THEN 'TEXT_SEARCH_CONFIGURATION'
                WHEN op.oid IS NOT NULL THEN 'OPERATOR'
                WHEN opf.oid IS NOT NULL THEN 'OPERATOR_FAMILY'
                WHEN coll.oid IS NOT NULL THEN 'COLLATION'
           END AS ref_kind,
           COALESCE(pn.nspname, cn.nspname, tcn.nspname, tn.nspname, tpn.nspname, ttn.nspname, tdn.nspname,
                    tcfn.nspname, opn.nspname, opfn.nspname, colln.nspname) AS ref_schema,
           COALESCE(p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')', c.relname, tc.relname,
                    t.typname, tp.prsname, tt.tmplname, td.dictname, tcf.cfgname,
                    op.oprname || '(' || COALESCE(pg_catalog.format_type(op.oprleft, NULL), 'NONE') || ', '
                        || COALESCE(pg_catalog.format_type(op.oprright, NULL), 'NONE') || ')',
                    opf.opfname || ' USING ' || opfam.amname, coll.collname) AS ref_name,
           CASE WHEN c.oid IS NOT NULL AND o.refobjsubid > 0 AND c.relkind IN ('r', 'p') THEN a.attname::text ELSE '' END
               AS ref_member
    FROM owned o
    LEFT JOIN pg_catalog.pg_proc p ON o.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
    LEFT JOIN pg_catalog.pg_class c ON o.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = o.refobjsubid AND o.refobjsubid > 0
    LEFT JOIN pg_catalog.pg_type t0 ON o.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t0.oid = o.refobjid
    -- an array type stands for its element type
    LEFT JOIN pg_catalog.pg_type t ON t.oid = CASE WHEN t0.typcategory = 'A' AND t0.typelem <> 0 THEN t0.typelem ELSE t0.oid END
                                  AND (t.typtype IN ('e', 'd') OR t.typrelid <> 0)
    LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace AND t.typrelid = 0
    LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
    LEFT JOIN pg_catalog.pg_namespace tcn ON tcn.oid = tc.relnamespace
    LEFT JOIN pg_catalog.pg_ts_parser tp ON o.refclassid = 'pg_catalog.pg_ts_parser'::pg_catalog.regclass AND tp.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace tpn ON tpn.oid = tp.prsnamespace
    LEFT JOIN pg_catalog.pg_ts_template tt ON o.refclassid = 'pg_catalog.pg_ts_template'::pg_catalog.regclass AND tt.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace ttn ON ttn.oid = tt.tmplnamespace
    LEFT JOIN pg_catalog.pg_ts_dict td ON o.refclassid = 'pg_catalog.pg_ts_dict'::pg_catalog.regclass AND td.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace tdn ON tdn.oid = td.dictnamespace
    LEFT JOIN pg_catalog.pg_ts_config tcf ON o.refclassid = 'pg_catalog.pg_ts_config'::pg_catalog.regclass AND tcf.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace tcfn ON tcfn.oid = tcf.cfgnamespace
    LEFT JOIN pg_catalog.pg_operator op ON o.refclassid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND op.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace
    LEFT JOIN pg_catalog.pg_opfamily opf ON o.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND opf.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_am opfam ON opfam.oid = opf.opfmethod
    LEFT JOIN pg_catalog.pg_namespace opfn ON opfn.oid = opf.opfnamespace
    LEFT JOIN pg_catalog.pg_collation coll ON o.refclassid = 'pg_catalog.pg_collation'::pg_catalog.regclass AND coll.oid = o.refobjid
    LEFT JOIN pg_catalog.pg_namespace colln ON colln.oid = coll.collnamespace
)
SELECT class_name, objid::bigint AS objid, ref_kind, ref_schema::text AS ref_schema, ref_name::text AS ref_name, ref_member
FROM refs
WHERE ref_kind IS NOT NULL AND ref_schema IS NOT NULL
  AND ref_schema NOT IN ('pg_catalog', 'information_schema')
  -- not the extensions' own objects: the extension is there first
  AND ref_schema = ANY ((SELECT schemas FROM scope)::text[])
ORDER BY class_name, objid, ref_kind, ref_schema, ref_name, ref_member
