-- One query per kind of object, each row one line of text describing one object in full, for the
-- schemas a user manages (not the system's, not converge's bookkeeping, not an extension's members).
-- Run with search_path = pg_catalog so that every name the server prints is schema-qualified.
-- Queries are separated by lines holding only ';;'. A column option pg_attver, which some builds of
-- the server set on every column of every table themselves (the local PostgreSQL 15 here does), is
-- not part of a schema.
SELECT 'schema ' || quote_ident(n.nspname) || coalesce(' comment ' || obj_description(n.oid, 'pg_namespace'), '')
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
;;
SELECT 'extension ' || quote_ident(e.extname) || ' ' || e.extversion || ' in ' || quote_ident(n.nspname)
FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname <> 'plpgsql'
;;
SELECT 'relation ' || c.oid::regclass || ' kind ' || c.relkind::text || ' persistence ' || c.relpersistence::text
       || ' replica identity ' || c.relreplident::text || ' row security ' || c.relrowsecurity || '/' || c.relforcerowsecurity
       || coalesce(' access method ' || (SELECT a.amname FROM pg_am a WHERE a.oid = c.relam AND c.relkind IN ('r', 'm')), '')
       || coalesce(' partitioned by ' || pg_get_partkeydef(c.oid), '')
       || coalesce(' bound ' || pg_get_expr(c.relpartbound, c.oid), '')
       || coalesce(' options ' || array_to_string(c.reloptions, ','), '')
       || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
;;
SELECT 'column ' || c.oid::regclass || ' #' || row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum) || ' '
       || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
       || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
       || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
       || CASE a.attidentity WHEN '' THEN '' ELSE ' identity ' || a.attidentity::text END
       || CASE a.attgenerated WHEN '' THEN '' ELSE ' generated ' || a.attgenerated::text END
       || CASE WHEN a.attcollation <> t.typcollation THEN ' collate ' || a.attcollation::regcollation ELSE '' END
       || CASE WHEN a.attstorage <> t.typstorage THEN ' storage ' || a.attstorage::text ELSE '' END
       || CASE WHEN a.attstattarget > 0 THEN ' statistics ' || a.attstattarget ELSE '' END
       || CASE WHEN c.relkind IN ('r', 'p', 'f') AND NOT c.relispartition THEN ' local ' || a.attislocal ELSE '' END
       || coalesce(' options ' || nullif(array_to_string(ARRAY(SELECT o FROM unnest(a.attoptions) o
                                                         WHERE o NOT LIKE 'pg\_attver=%'), ','), ''), '')
       || coalesce(' comment ' || col_description(c.oid, a.attnum), '')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
;;
SELECT 'constraint ' || coalesce(k.conrelid::regclass::text, k.contypid::regtype::text) || ' ' || quote_ident(k.conname)
       || ' ' || pg_get_constraintdef(k.oid) || ' valid ' || k.convalidated || ' local ' || k.conislocal
       || ' inherited ' || k.coninhcount
       || coalesce(' comment ' || obj_description(k.oid, 'pg_constraint'), '')
FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = k.contypid AND x.deptype = 'e')
;;
SELECT 'index ' || pg_get_indexdef(i.indexrelid) || CASE WHEN i.indisclustered THEN ' clustered' ELSE '' END
       || CASE WHEN i.indisreplident THEN ' replica identity' ELSE '' END
       || CASE WHEN NOT i.indisvalid THEN ' invalid' ELSE '' END
       || coalesce(' attached to ' || (SELECT h.inhparent::regclass::text FROM pg_inherits h WHERE h.inhrelid = i.indexrelid), '')
       || coalesce(' options ' || array_to_string(c.reloptions, ','), '')
       || coalesce(' comment ' || obj_description(i.indexrelid, 'pg_class'), '')
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = i.indrelid AND x.deptype = 'e')
;;
SELECT 'view ' || c.oid::regclass || ' ' || pg_get_viewdef(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
;;
SELECT 'sequence ' || s.seqrelid::regclass || ' ' || s.seqtypid::regtype || ' start ' || s.seqstart
       || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax || ' cache ' || s.seqcache
       || ' cycle ' || s.seqcycle
       || coalesce(' owned by ' || (SELECT d.refobjid::regclass || '.' || quote_ident(a.attname) FROM pg_depend d
                   JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid AND d.deptype IN ('a', 'i')
                     AND d.refclassid = 'pg_class'::regclass), '')
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
;;
SELECT 'routine ' || p.oid::regprocedure || ' '
       || CASE WHEN p.prokind = 'a' THEN
            (SELECT 'aggregate sfunc ' || g.aggtransfn::regproc || ' stype ' || g.aggtranstype::regtype
                    || ' final ' || g.aggfinalfn::regproc || ' combine ' || g.aggcombinefn::regproc
                    || ' init ' || coalesce(g.agginitval, '-') || ' kind ' || g.aggkind::text || ' sort ' || g.aggsortop::regoper
             FROM pg_aggregate g WHERE g.aggfnoid = p.oid)
          ELSE pg_get_functiondef(p.oid) END
       || coalesce(' comment ' || obj_description(p.oid, 'pg_proc'), '')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
;;
SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' enabled ' || t.tgenabled::text
       || coalesce(' comment ' || obj_description(t.oid, 'pg_trigger'), '')
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
;;
SELECT 'type ' || t.oid::regtype || ' kind ' || t.typtype::text
       || CASE t.typtype
            WHEN 'e' THEN ' labels ' || (SELECT string_agg(quote_literal(e.enumlabel), ',' ORDER BY e.enumsortorder)
                                         FROM pg_enum e WHERE e.enumtypid = t.oid)
            WHEN 'd' THEN ' over ' || format_type(t.typbasetype, t.typtypmod)
                          || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END
                          || coalesce(' default ' || t.typdefault, '')
            WHEN 'r' THEN (SELECT ' range of ' || r.rngsubtype::regtype || coalesce(' opclass ' || r.rngsubopc, '')
                                  || ' canonical ' || r.rngcanonical::regproc || ' diff ' || r.rngsubdiff::regproc
                           FROM pg_range r WHERE r.rngtypid = t.oid)
            ELSE '' END
       || CASE WHEN t.typcollation <> 0 AND t.typtype = 'd'
               AND t.typcollation <> (SELECT b.typcollation FROM pg_type b WHERE b.oid = t.typbasetype)
               THEN ' collate ' || t.typcollation::regcollation ELSE '' END
       || coalesce(' comment ' || obj_description(t.oid, 'pg_type'), '')
FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
  AND NOT (t.typcategory = 'A' AND t.typelem <> 0)
  AND t.typtype <> 'm'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')
;;
SELECT 'policy ' || quote_ident(p.polname) || ' on ' || p.polrelid::regclass || ' for ' || p.polcmd::text
       || ' permissive ' || p.polpermissive
       || ' to ' || array_to_string(ARRAY(SELECT CASE r WHEN 0 THEN 'public' ELSE r::regrole::text END
                                         FROM unnest(p.polroles) r ORDER BY 1), ',')
       || coalesce(' using ' || pg_get_expr(p.polqual, p.polrelid), '')
       || coalesce(' with check ' || pg_get_expr(p.polwithcheck, p.polrelid), '')
FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
;;
SELECT 'rule ' || pg_get_ruledef(r.oid) || ' enabled ' || r.ev_enabled::text
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rulename <> '_RETURN'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
;;
SELECT 'inherits ' || h.inhrelid::regclass || ' from ' || h.inhparent::regclass || ' #' || h.inhseqno
       || CASE WHEN h.inhdetachpending THEN ' detach pending' ELSE '' END
FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
;;
SELECT 'statistics ' || pg_get_statisticsobjdef(s.oid)
FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
;;
-- The kinds with no deparse function of their own, by identity (the kinds above have their definitions).
SELECT 'object ' || (pg_identify_object(o.classid, o.objid, 0)).type || ' ' || (pg_identify_object(o.classid, o.objid, 0)).identity
       || coalesce(' comment ' || obj_description(o.objid, o.catalog), '')
FROM (
    SELECT 'pg_operator'::regclass AS classid, oid AS objid, 'pg_operator' AS catalog, oprnamespace AS nsp FROM pg_operator
    UNION ALL SELECT 'pg_opclass'::regclass, oid, 'pg_opclass', opcnamespace FROM pg_opclass
    UNION ALL SELECT 'pg_opfamily'::regclass, oid, 'pg_opfamily', opfnamespace FROM pg_opfamily
    UNION ALL SELECT 'pg_collation'::regclass, oid, 'pg_collation', collnamespace FROM pg_collation
    UNION ALL SELECT 'pg_conversion'::regclass, oid, 'pg_conversion', connamespace FROM pg_conversion
    UNION ALL SELECT 'pg_ts_config'::regclass, oid, 'pg_ts_config', cfgnamespace FROM pg_ts_config
    UNION ALL SELECT 'pg_ts_dict'::regclass, oid, 'pg_ts_dict', dictnamespace FROM pg_ts_dict
    UNION ALL SELECT 'pg_ts_parser'::regclass, oid, 'pg_ts_parser', prsnamespace FROM pg_ts_parser
    UNION ALL SELECT 'pg_ts_template'::regclass, oid, 'pg_ts_template', tmplnamespace FROM pg_ts_template
) o JOIN pg_namespace n ON n.oid = o.nsp
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'converge') AND n.nspname !~ '^pg_(toast|temp)'
  AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = o.classid AND x.objid = o.objid AND x.deptype = 'e')
;;
SELECT 'object ' || (pg_identify_object(o.classid, o.objid, 0)).type || ' ' || (pg_identify_object(o.classid, o.objid, 0)).identity
FROM (
    SELECT 'pg_cast'::regclass AS classid, oid AS objid FROM pg_cast WHERE oid >= 16384
    UNION ALL SELECT 'pg_event_trigger'::regclass, oid FROM pg_event_trigger
    UNION ALL SELECT 'pg_publication'::regclass, oid FROM pg_publication
    UNION ALL SELECT 'pg_foreign_data_wrapper'::regclass, oid FROM pg_foreign_data_wrapper
    UNION ALL SELECT 'pg_foreign_server'::regclass, oid FROM pg_foreign_server
    UNION ALL SELECT 'pg_transform'::regclass, oid FROM pg_transform
) o
WHERE NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = o.classid AND x.objid = o.objid AND x.deptype = 'e')
