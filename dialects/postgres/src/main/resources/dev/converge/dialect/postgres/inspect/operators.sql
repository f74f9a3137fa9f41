-- Operators of the given schemas (not extension members, not the shells PostgreSQL leaves for a
-- commutator or negator named before it is defined), each as the CREATE OPERATOR statement pg_dump
-- would write, then its comment. Named by symbol and argument types (NONE for a prefix operator).
WITH scope AS (SELECT ?::text[] AS schemas)
SELECT 'pg_operator' AS class_name, o.oid::bigint AS objid, 'OPERATOR' AS kind, n.nspname AS object_schema,
       o.oprname || '(' || COALESCE(pg_catalog.format_type(o.oprleft, NULL), 'NONE') || ', '
           || COALESCE(pg_catalog.format_type(o.oprright, NULL), 'NONE') || ')' AS object_name,
       '' AS member,
       pg_catalog.quote_ident(n.nspname) || '.' || o.oprname || ' ('
           || COALESCE(pg_catalog.format_type(o.oprleft, NULL), 'NONE') || ', '
           || COALESCE(pg_catalog.format_type(o.oprright, NULL), 'NONE') || ')' AS identity,
       array_remove(ARRAY[
           'CREATE OPERATOR ' || pg_catalog.quote_ident(n.nspname) || '.' || o.oprname || ' (' || concat_ws(', ',
               'FUNCTION = ' || o.oprcode::pg_catalog.regproc::text,
               CASE WHEN o.oprleft <> 0 THEN 'LEFTARG = ' || pg_catalog.format_type(o.oprleft, NULL) END,
               'RIGHTARG = ' || pg_catalog.format_type(o.oprright, NULL),
               CASE WHEN o.oprcom <> 0 THEN 'COMMUTATOR = OPERATOR(' || pg_catalog.quote_ident(cn.nspname) || '.'
                   || co.oprname || ')' END,
               CASE WHEN o.oprnegate <> 0 THEN 'NEGATOR = OPERATOR(' || pg_catalog.quote_ident(ngn.nspname) || '.'
                   || ng.oprname || ')' END,
               CASE WHEN o.oprrest <> 0 THEN 'RESTRICT = ' || o.oprrest::pg_catalog.regproc::text END,
               CASE WHEN o.oprjoin <> 0 THEN 'JOIN = ' || o.oprjoin::pg_catalog.regproc::text END,
               CASE WHEN o.oprcanhash THEN 'HASHES' END,
               CASE WHEN o.oprcanmerge THEN 'MERGES' END) || ')',
           CASE WHEN d.description IS NOT NULL THEN 'COMMENT ON OPERATOR ' || pg_catalog.quote_ident(n.nspname) || '.'
               || o.oprname || ' (' || COALESCE(pg_catalog.format_type(o.oprleft, NULL), 'NONE') || ', '
               || COALESCE(pg_catalog.format_type(o.oprright, NULL), 'NONE') || ') IS '
               || pg_catalog.quote_literal(d.description) END
       ], NULL) AS definition
FROM pg_catalog.pg_operator o
JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
LEFT JOIN pg_catalog.pg_operator co ON co.oid = o.oprcom
LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.oprnamespace
LEFT JOIN pg_catalog.pg_operator ng ON ng.oid = o.oprnegate
LEFT JOIN pg_catalog.pg_namespace ngn ON ngn.oid = ng.oprnamespace
\set catalog pg_catalog.pg_operator \set object o.oid \ir comment.sql
WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
  AND o.oprcode <> 0
\ir not_extension_member.sql
