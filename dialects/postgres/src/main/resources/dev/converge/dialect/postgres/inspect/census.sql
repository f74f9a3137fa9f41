-- The census of the given schemas: every object PostgreSQL keeps for them, catalog by catalog, named
-- the way the model names it (kind, schema, name, member), so that the inspector can check that each
-- one is either in the model or listed as unmanaged (fail closed: a kind, or a place, that no other
-- query reads is listed instead of being dropped silently). Left out only what is never an object of
-- its own: extension members, what PostgreSQL makes for another object (array and row types, a range
-- type's constructors and multirange, an identity column's sequence, the index behind a key, the
-- clones a partition gets from its parent, constraints a child inherits, internal triggers) and a
-- view's _RETURN rule. Table attributes that have no object of their own but change what a table is
-- (INHERITS, UNLOGGED, REPLICA IDENTITY, storage parameters, CLUSTER ON, a partition's own column
-- settings) are rows too, with the attribute as the member.
WITH scope AS (SELECT ?::text[] AS schemas),
ns AS (SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY ((SELECT schemas FROM scope)::text[])),
member_of_extension AS (SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'e'),
made_for_another AS (SELECT classid, objid FROM pg_catalog.pg_depend WHERE deptype = 'i'),
-- the default, NOT NULL, statistics target, storage and compression of every partition's column and
-- of its parent's column of the same name, in the words of ALTER COLUMN (schema text only, no rows)
partition_column_settings AS (
    SELECT a.attrelid AS partition_oid, a.attname::text AS column_name, settings.setting_kind,
           settings.setting, settings.parents
    FROM pg_catalog.pg_class c
    JOIN ns n ON n.oid = c.relnamespace
    JOIN pg_catalog.pg_inherits i ON i.inhrelid = c.oid
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname AND NOT pa.attisdropped
    LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    LEFT JOIN pg_catalog.pg_attrdef pd ON pd.adrelid = pa.attrelid AND pd.adnum = pa.attnum
    CROSS JOIN LATERAL (
        -- a generated column's expression is in pg_attrdef too: only plain defaults are compared here
        SELECT 'DEFAULT' AS setting_kind,
               COALESCE('DEFAULT ' || pg_catalog.pg_get_expr(d.adbin, d.adrelid), 'no DEFAULT') AS setting,
               COALESCE('DEFAULT ' || pg_catalog.pg_get_expr(pd.adbin, pd.adrelid), 'no DEFAULT') AS parents
        WHERE a.attgenerated = '' AND pa.attgenerated = ''
        UNION ALL
        SELECT 'NOT NULL', CASE WHEN a.attnotnull THEN 'NOT NULL' ELSE 'NULL' END,
               CASE WHEN pa.attnotnull THEN 'NOT NULL' ELSE 'NULL' END
        UNION ALL
        -- -1 before PostgreSQL 17, NULL from 17 on: both are the default target
        SELECT 'STATISTICS', 'STATISTICS ' || COALESCE(a.attstattarget::int, -1),
               'STATISTICS ' || COALESCE(pa.attstattarget::int, -1)
        UNION ALL
        SELECT 'STORAGE', 'STORAGE ' || storage_words.own, 'STORAGE ' || storage_words.parents
        FROM (SELECT CASE a.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN'
                                       ELSE 'EXTENDED' END AS own,
                     CASE pa.attstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN'
                                        ELSE 'EXTENDED' END AS parents) storage_words
        UNION ALL
        -- attcompression exists from PostgreSQL 14 on: read through to_jsonb, 13 reads as the default
        SELECT 'COMPRESSION', 'COMPRESSION ' || compression_words.own, 'COMPRESSION ' || compression_words.parents
        FROM (SELECT CASE pg_catalog.to_jsonb(a) ->> 'attcompression' WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4'
                          ELSE 'DEFAULT' END AS own,
                     CASE pg_catalog.to_jsonb(pa) ->> 'attcompression' WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4'
                          ELSE 'DEFAULT' END AS parents) compression_words
    ) settings
    WHERE c.relispartition
),
objects AS (
    SELECT 'pg_class'::text AS catalog, c.oid,
           CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW'
                          WHEN 'm' THEN 'MATERIALIZED_VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'i' THEN 'INDEX'
                          WHEN 'I' THEN 'INDEX' WHEN 'f' THEN 'FOREIGN_TABLE' WHEN 'c' THEN 'COMPOSITE_TYPE'
                          ELSE 'RELATION_' || c.relkind::text END AS kind,
           n.nspname::text AS schema_name, c.relname::text AS name, '' AS member
    FROM pg_catalog.pg_class c JOIN ns n ON n.oid = c.relnamespace
    WHERE c.relkind <> 't'
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = c.oid AND k.contype IN ('p', 'u', 'x')
                      AND c.relkind IN ('i', 'I'))
      -- an index of an extension's own table (pg_partman's part_config) is the extension's, not a member itself
      AND NOT (c.relkind IN ('i', 'I') AND EXISTS (
          SELECT 1 FROM pg_catalog.pg_index x JOIN member_of_extension e ON e.objid = x.indrelid
          WHERE x.indexrelid = c.oid AND e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass))
    UNION ALL
    SELECT 'pg_class', c.oid, 'TABLE', n.nspname, c.relname, attribute
    FROM pg_catalog.pg_class c JOIN ns n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL (
        SELECT 'UNLOGGED' AS attribute WHERE c.relpersistence = 'u'
        UNION ALL
        SELECT 'REPLICA IDENTITY ' || CASE c.relreplident WHEN 'n' THEN 'NOTHING' WHEN 'f' THEN 'FULL' ELSE 'USING INDEX' END
        WHERE c.relreplident <> 'd' AND c.relkind IN ('r', 'p')
        UNION ALL
        SELECT 'WITH (' || pg_catalog.unnest(c.reloptions) || ')' WHERE c.relkind IN ('r', 'p')
        UNION ALL
        SELECT 'WITH (toast.' || pg_catalog.unnest(tc.reloptions) || ')' FROM pg_catalog.pg_class tc
        WHERE tc.oid = c.reltoastrelid AND c.relkind IN ('r', 'p')
        UNION ALL
        -- the index CLUSTER uses by default (ALTER TABLE ... CLUSTER ON), which the model does not hold
        SELECT 'CLUSTER ON ' || pg_catalog.quote_ident(ic.relname)
        FROM pg_catalog.pg_index ci JOIN pg_catalog.pg_class ic ON ic.oid = ci.indexrelid
        WHERE ci.indrelid = c.oid AND ci.indisclustered
        UNION ALL
        SELECT 'INHERITS ' || pg_catalog.quote_ident(pn.nspname) || '.' || pg_catalog.quote_ident(p.relname)
        FROM pg_catalog.pg_inherits i
        JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
        JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
        WHERE i.inhrelid = c.oid AND NOT c.relispartition AND c.relkind IN ('r', 'p', 'f')
        UNION ALL
        -- a partition's columns are its parent's in the model: a setting one has apart from its parent's
        -- column is a row of its own. PostgreSQL copies the default, storage and compression to a
        -- partition it creates but not the statistics target, so a partition that lacks its parent's
        -- target is as PostgreSQL leaves it; only a target the partition has of its own is a row.
        SELECT 'COLUMN ' || pg_catalog.quote_ident(own.column_name) || ' ' || own.setting
               || ' (the parent''s: ' || own.parents || ')'
        FROM partition_column_settings own
        WHERE own.partition_oid = c.oid AND own.setting IS DISTINCT FROM own.parents
          AND (own.setting_kind <> 'STATISTICS' OR own.setting <> 'STATISTICS -1')
    ) attributes
    WHERE c.relkind IN ('r', 'p', 'f')
    UNION ALL
    SELECT 'pg_constraint', k.oid,
           CASE WHEN k.contype = 'f' THEN 'FOREIGN_KEY' WHEN k.contype = 't' THEN 'TRIGGER' ELSE 'CONSTRAINT' END,
           n.nspname, c.relname, k.conname
    FROM pg_catalog.pg_constraint k
    JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
    JOIN ns n ON n.oid = c.relnamespace
    WHERE k.conparentid = 0 AND k.conislocal
      AND k.contype IN ('c', 'f', 'p', 'u', 'x', 't')
    UNION ALL
    SELECT 'pg_trigger', t.oid, 'TRIGGER', n.nspname, c.relname, t.tgname
    FROM pg_catalog.pg_trigger t
    JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
    JOIN ns n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal AND t.tgparentid = 0
    UNION ALL
    SELECT 'pg_proc', p.oid, CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END,
           n.nspname, p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')', ''
    FROM pg_catalog.pg_proc p JOIN ns n ON n.oid = p.pronamespace
    UNION ALL
    SELECT 'pg_type', t.oid,
           CASE t.typtype WHEN 'e' THEN 'ENUM' WHEN 'd' THEN 'DOMAIN' WHEN 'r' THEN 'RANGE_TYPE'
                          WHEN 'm' THEN 'MULTIRANGE_TYPE' WHEN 'p' THEN 'PSEUDO_TYPE' ELSE 'BASE_TYPE' END,
           n.nspname, t.typname, ''
    FROM pg_catalog.pg_type t JOIN ns n ON n.oid = t.typnamespace
    WHERE t.typrelid = 0
      AND NOT (t.typcategory = 'A' AND t.typelem <> 0)
    UNION ALL
    SELECT 'pg_rewrite', r.oid, 'RULE', n.nspname, c.relname, r.rulename
    FROM pg_catalog.pg_rewrite r
    JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
    JOIN ns n ON n.oid = c.relnamespace
    WHERE r.rulename <> '_RETURN'
    UNION ALL
    SELECT 'pg_policy', p.oid, 'POLICY', n.nspname, c.relname, p.polname
    FROM pg_catalog.pg_policy p
    JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
    JOIN ns n ON n.oid = c.relnamespace
    UNION ALL
    SELECT 'pg_statistic_ext', s.oid, 'STATISTICS', n.nspname, s.stxname, ''
    FROM pg_catalog.pg_statistic_ext s JOIN ns n ON n.oid = s.stxnamespace
    UNION ALL
    SELECT 'pg_ts_parser', x.oid, 'TEXT_SEARCH_PARSER', n.nspname, x.prsname, ''
    FROM pg_catalog.pg_ts_parser x JOIN ns n ON n.oid = x.prsnamespace
    UNION ALL
    SELECT 'pg_ts_template', x.oid, 'TEXT_SEARCH_TEMPLATE', n.nspname, x.tmplname, ''
    FROM pg_catalog.pg_ts_template x JOIN ns n ON n.oid = x.tmplnamespace
    UNION ALL
    SELECT 'pg_ts_dict', x.oid, 'TEXT_SEARCH_DICTIONARY', n.nspname, x.dictname, ''
    FROM pg_catalog.pg_ts_dict x JOIN ns n ON n.oid = x.dictnamespace
    UNION ALL
    SELECT 'pg_ts_config', x.oid, 'TEXT_SEARCH_CONFIGURATION', n.nspname, x.cfgname, ''
    FROM pg_catalog.pg_ts_config x JOIN ns n ON n.oid = x.cfgnamespace
    UNION ALL
    SELECT 'pg_operator', o.oid, 'OPERATOR', n.nspname,
           o.oprname || '(' || COALESCE(pg_catalog.format_type(o.oprleft, NULL), 'NONE') || ', '
               || COALESCE(pg_catalog.format_type(o.oprright, NULL), 'NONE') || ')', ''
    FROM pg_catalog.pg_operator o JOIN ns n ON n.oid = o.oprnamespace
    UNION ALL
    SELECT 'pg_opclass', x.oid, 'OPERATOR_CLASS', n.nspname, x.opcname || ' USING ' || am.amname, ''
    FROM pg_catalog.pg_opclass x JOIN ns n ON n.oid = x.opcnamespace JOIN pg_catalog.pg_am am ON am.oid = x.opcmethod
    UNION ALL
    SELECT 'pg_opfamily', x.oid, 'OPERATOR_FAMILY', n.nspname, x.opfname || ' USING ' || am.amname, ''
    FROM pg_catalog.pg_opfamily x JOIN ns n ON n.oid = x.opfnamespace JOIN pg_catalog.pg_am am ON am.oid = x.opfmethod
    UNION ALL
    SELECT 'pg_collation', x.oid, 'COLLATION', n.nspname, x.collname, ''
    FROM pg_catalog.pg_collation x JOIN ns n ON n.oid = x.collnamespace
    UNION ALL
    SELECT 'pg_conversion', x.oid, 'CONVERSION', n.nspname, x.conname, ''
    FROM pg_catalog.pg_conversion x JOIN ns n ON n.oid = x.connamespace
)
SELECT o.kind, o.schema_name, o.name, o.member
FROM objects o
WHERE NOT EXISTS (SELECT 1 FROM member_of_extension e
                  WHERE e.classid = ('pg_catalog.' || o.catalog)::pg_catalog.regclass AND e.objid = o.oid)
  AND NOT EXISTS (SELECT 1 FROM made_for_another i
                  WHERE i.classid = ('pg_catalog.' || o.catalog)::pg_catalog.regclass AND i.objid = o.oid)
  -- the table of a member that belongs to an extension
  AND NOT (o.member <> '' AND EXISTS (
      SELECT 1 FROM member_of_extension e JOIN pg_catalog.pg_class c ON c.oid = e.objid
      JOIN pg_catalog.pg_namespace cn ON cn.oid = c.relnamespace
      WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cn.nspname = o.schema_name AND c.relname = o.name))
ORDER BY 1, 2, 3, 4
