-- Rules (CREATE RULE) on the tables and views of the given schemas: not a view's own _RETURN rule,
-- not rules of extension members. The definition is pg_get_ruledef's statement, then the rule's
-- enable state when it is not plainly enabled, then its comment.
WITH scope AS (SELECT ?::text[] AS schemas)
SELECT 'pg_rewrite' AS class_name, r.oid::bigint AS objid, 'RULE' AS kind, n.nspname AS object_schema,
       c.relname AS object_name, r.rulename::text AS member,
       pg_catalog.quote_ident(r.rulename) || ' ON ' || pg_catalog.quote_ident(n.nspname) || '.'
           || pg_catalog.quote_ident(c.relname) AS identity,
       array_remove(ARRAY[
           rtrim(pg_catalog.pg_get_ruledef(r.oid), ';'),
           'ALTER TABLE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) || ' '
               || CASE r.ev_enabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA' WHEN 'A' THEN 'ENABLE ALWAYS' END
               || ' RULE ' || pg_catalog.quote_ident(r.rulename),
           CASE WHEN d.description IS NOT NULL THEN 'COMMENT ON RULE ' || pg_catalog.quote_ident(r.rulename) || ' ON '
               || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) || ' IS '
               || pg_catalog.quote_literal(d.description) END
       ], NULL) AS definition
FROM pg_catalog.pg_rewrite r
JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
\set catalog pg_catalog.pg_rewrite \set object r.oid \ir comment.sql
WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
  AND r.rulename <> '_RETURN'
\set catalog pg_catalog.pg_class \set object c.oid \ir not_extension_member.sql
