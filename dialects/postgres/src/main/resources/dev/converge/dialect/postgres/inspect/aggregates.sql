-- Aggregates of the given schemas (not extension members), each as the CREATE AGGREGATE statement
-- that makes it again, written from pg_aggregate the way pg_dump writes it (PostgreSQL has no
-- pg_get_aggregatedef): every option that is set, functions as regproc prints them (qualified when
-- outside pg_catalog, since the inspector's search_path is empty), and its comment as a statement of
-- its own. One row per signature; named like a routine, with its argument types.
WITH scope AS (SELECT ?::text[] AS schemas)
SELECT 'pg_proc' AS class_name, p.oid::bigint AS objid, 'AGGREGATE' AS kind,
       n.nspname AS object_schema,
       p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')' AS object_name,
       '' AS member,
       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
           || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END
           || ')' AS identity,
       array_remove(ARRAY[
           'CREATE AGGREGATE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
           || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_arguments(p.oid) END || ') ('
           || concat_ws(', ',
                'SFUNC = ' || a.aggtransfn::pg_catalog.regproc::text,
                'STYPE = ' || pg_catalog.format_type(a.aggtranstype, NULL),
                CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE = ' || a.aggtransspace END,
                CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || a.aggfinalfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC_MODIFY = '
                     || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
                CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || a.aggcombinefn::pg_catalog.regproc::text END,
                CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || a.aggdeserialfn::pg_catalog.regproc::text END,
                CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || pg_catalog.quote_literal(a.agginitval) END,
                CASE WHEN a.aggmtransfn <> 0 THEN 'MSFUNC = ' || a.aggmtransfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggminvtransfn <> 0 THEN 'MINVFUNC = ' || a.aggminvtransfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggmtranstype <> 0 THEN 'MSTYPE = ' || pg_catalog.format_type(a.aggmtranstype, NULL) END,
                CASE WHEN a.aggmtransspace <> 0 THEN 'MSSPACE = ' || a.aggmtransspace END,
                CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::pg_catalog.regproc::text END,
                CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
                CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC_MODIFY = '
                     || CASE a.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
                CASE WHEN a.aggminitval IS NOT NULL THEN 'MINITCOND = ' || pg_catalog.quote_literal(a.aggminitval) END,
                CASE WHEN a.aggsortop <> 0 THEN 'SORTOP = OPERATOR(' || pg_catalog.quote_ident(son.nspname) || '.'
                     || so.oprname || ')' END,
                CASE p.proparallel WHEN 's' THEN 'PARALLEL = SAFE' WHEN 'r' THEN 'PARALLEL = RESTRICTED' END,
                CASE WHEN a.aggkind = 'h' THEN 'HYPOTHETICAL' END)
           || ')',
           CASE WHEN d.description IS NOT NULL THEN
               'COMMENT ON AGGREGATE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
               || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_catalog.pg_get_function_identity_arguments(p.oid) END
               || ') IS ' || pg_catalog.quote_literal(d.description) END
       ], NULL) AS definition
FROM pg_catalog.pg_proc p
JOIN pg_catalog.pg_aggregate a ON a.aggfnoid = p.oid
JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_catalog.pg_operator so ON so.oid = a.aggsortop
LEFT JOIN pg_catalog.pg_namespace son ON son.oid = so.oprnamespace
\set catalog pg_catalog.pg_proc \set object p.oid \ir comment.sql
WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
\ir not_extension_member.sql
