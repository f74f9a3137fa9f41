-- Publications that publish a table or a schema among the given ones, or all tables (a publication
-- belongs to the database; what it publishes is how a project claims it): the CREATE PUBLICATION
-- statement with its tables (column list and row filter, PostgreSQL 15+), its schemas (15+) and
-- its options, then its comment. Columns that appeared in later majors are read through to_jsonb
-- of the row, so that one query serves PostgreSQL 13 to 17.
WITH scope AS (SELECT ?::text[] AS schemas),
members AS (
    SELECT pr.prpubid AS pubid, n.nspname, c.relname,
           pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
           || COALESCE(' (' || (SELECT string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
                                FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid = c.oid
                                  AND to_jsonb(pr) -> 'prattrs' @> to_jsonb(a.attnum::int)) || ')', '')
           || COALESCE(' WHERE (' || (SELECT to_jsonb(pt) ->> 'rowfilter' FROM pg_catalog.pg_publication_tables pt
                                      WHERE pt.pubname = p.pubname AND pt.schemaname = n.nspname
                                        AND pt.tablename = c.relname) || ')', '') AS text
    FROM pg_catalog.pg_publication_rel pr
    JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
    JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
),
schema_members AS (
    -- pg_publication_namespace exists from PostgreSQL 15 on: read through query_to_xml only where it
    -- exists, so that the query still parses on 13 and 14
    SELECT x.pubid, x.nspname
    FROM XMLTABLE('/table/row' PASSING
             CASE WHEN pg_catalog.to_regclass('pg_catalog.pg_publication_namespace') IS NOT NULL
                  THEN pg_catalog.query_to_xml('SELECT pn.pnpubid AS pubid, n.nspname FROM pg_catalog.pg_publication_namespace pn'
                                               || ' JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid', true, false, '')
                  ELSE '<table/>'::xml END
             COLUMNS pubid oid, nspname text) x
)
SELECT 'pg_publication' AS class_name, p.oid::bigint AS objid, 'PUBLICATION' AS kind, '' AS object_schema,
       p.pubname AS object_name, '' AS member, pg_catalog.quote_ident(p.pubname) AS identity,
       array_remove(ARRAY[
           'CREATE PUBLICATION ' || pg_catalog.quote_ident(p.pubname)
               || CASE WHEN p.puballtables THEN ' FOR ALL TABLES'
                       ELSE COALESCE(' FOR ' || concat_ws(', ',
                           'TABLE ' || (SELECT string_agg(m.text, ', ' ORDER BY m.nspname, m.relname)
                                        FROM members m WHERE m.pubid = p.oid),
                           'TABLES IN SCHEMA ' || (SELECT string_agg(pg_catalog.quote_ident(sm.nspname), ', '
                                                                     ORDER BY sm.nspname)
                                                   FROM schema_members sm WHERE sm.pubid = p.oid)), '') END
               || ' WITH (publish = ''' || concat_ws(', ', CASE WHEN p.pubinsert THEN 'insert' END,
                                                         CASE WHEN p.pubupdate THEN 'update' END,
                                                         CASE WHEN p.pubdelete THEN 'delete' END,
                                                         CASE WHEN p.pubtruncate THEN 'truncate' END) || ''''
               || ', publish_via_partition_root = ' || CASE WHEN p.pubviaroot THEN 'true' ELSE 'false' END || ')',
           CASE WHEN d.description IS NOT NULL THEN 'COMMENT ON PUBLICATION ' || pg_catalog.quote_ident(p.pubname)
               || ' IS ' || pg_catalog.quote_literal(d.description) END
       ], NULL) AS definition
FROM pg_catalog.pg_publication p
\set catalog pg_catalog.pg_publication \set object p.oid \ir comment.sql
WHERE p.puballtables
   OR EXISTS (SELECT 1 FROM members m WHERE m.pubid = p.oid AND m.nspname = ANY ((SELECT schemas FROM scope)::text[]))
   OR EXISTS (SELECT 1 FROM schema_members m WHERE m.pubid = p.oid
              AND m.nspname = ANY ((SELECT schemas FROM scope)::text[]))
