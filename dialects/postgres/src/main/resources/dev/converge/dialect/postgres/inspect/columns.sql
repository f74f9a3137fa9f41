-- One row per column of every ordinary or partitioned table (and partition) of the given schemas,
-- with the partition key of a partitioned table and the parent and bounds of a partition, unordered (the
-- reader sorts by attnum: a server-side sort of ~200k wide rows cost more than half the query); a
-- table without columns gives one row whose column fields are null. Extension members are skipped.
-- The sequences a default reads come from column_sequences.sql: joining their aggregate here let a
-- planner without fresh catalog statistics pick a quadratic nested loop. Comments are joined from pg_description directly (what col_description and
-- obj_description read) so the planner can hash-join them instead of calling a function per row.
--
-- Collation rule: only when it differs from the type's default collation, printed the way the
-- server's deparser prints it with an empty search_path: pg_catalog collations unqualified, others
-- schema-qualified, each part through quote_ident ("C", "en_US", public.my_coll). Either form is
-- accepted after COLLATE.
--
-- The user type of a column (or of its array elements) is named when it is an enum (e), a domain (d)
-- or a composite type (c), so that the column depends on it.
--
-- Identity options come from the column's identity sequence: the sequence depends on the column
-- with deptype 'i'. The join is limited to identity columns so that pg_depend is probed only for them.
SELECT n.nspname AS table_schema,
       c.relname AS table_name,
       td.description AS table_comment,
       CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partition_key,
       -- the table's options in the words of its statements: UNLOGGED, a replica identity other than
       -- the default (the index of USING INDEX named unqualified: it lives in the table's schema), then
       -- each storage parameter as WITH (name=value), then its TOAST table's as WITH (toast.name=value),
       -- in the order the server keeps them (which pg_dump prints; compared as a set)
       array_remove(ARRAY[
           CASE WHEN c.relpersistence = 'u' THEN 'UNLOGGED' END,
           CASE c.relreplident WHEN 'f' THEN 'REPLICA IDENTITY FULL' WHEN 'n' THEN 'REPLICA IDENTITY NOTHING'
               WHEN 'i' THEN 'REPLICA IDENTITY USING INDEX '
                   || (SELECT pg_catalog.quote_ident(ri.relname) FROM pg_catalog.pg_index rx
                       JOIN pg_catalog.pg_class ri ON ri.oid = rx.indexrelid
                       WHERE rx.indrelid = c.oid AND rx.indisreplident) END
       ], NULL)
       || CASE WHEN c.reloptions IS NULL AND c.reltoastrelid = 0 THEN ARRAY[]::text[] ELSE ARRAY(
              SELECT 'WITH (' || o.option || ')' FROM (
                  SELECT 1 AS source, r.n, r.option FROM pg_catalog.unnest(c.reloptions) WITH ORDINALITY r(option, n)
                  UNION ALL
                  SELECT 2, r.n, 'toast.' || r.option FROM pg_catalog.pg_class tc
                  CROSS JOIN LATERAL pg_catalog.unnest(tc.reloptions) WITH ORDINALITY r(option, n)
                  WHERE tc.oid = c.reltoastrelid
              ) o ORDER BY o.source, o.n) END AS table_options,
       CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       CASE WHEN c.relispartition THEN
            (SELECT pn.nspname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
             JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid)
       END AS parent_schema,
       CASE WHEN c.relispartition THEN
            (SELECT p.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
             WHERE i.inhrelid = c.oid)
       END AS parent_name,
       a.attnum AS column_number,
       a.attname AS column_name,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type,
       a.attnotnull AS not_null,
       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expression,
       a.attgenerated = 's' AS generated,
       CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY_DEFAULT' ELSE 'NONE' END AS identity,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation THEN
            CASE WHEN coll_n.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(coll.collname)
                 ELSE pg_catalog.quote_ident(coll_n.nspname) || '.' || pg_catalog.quote_ident(coll.collname)
            END
       END AS collation,
       -- a collation object of a user schema: the column needs it (created before, dropped after)
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation AND coll_n.nspname <> 'pg_catalog'
            THEN coll_n.nspname::text END AS collation_schema,
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation AND coll_n.nspname <> 'pg_catalog'
            THEN coll.collname::text END AS collation_name,
       cd.description AS column_comment,
       -- physical settings a schema may set (a dump writes them as ALTER COLUMN ... SET STORAGE / SET
       -- STATISTICS): the storage strategy when it is not the type's (and the type's, which a reset returns
       -- to), a statistics target when one is set
       -- (-1 up to PostgreSQL 16 and NULL from 17 mean the default)
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS column_storage,
       t.typstorage::text AS type_storage,
       CASE WHEN a.attstattarget >= 0 THEN a.attstattarget::int END AS column_statistics,
       -- the compression method set on the column (SET COMPRESSION pglz / lz4), NULL for the default;
       -- attcompression exists from PostgreSQL 14 on: read through to_jsonb of the row so that the
       -- query still runs on 13, where there is none
       CASE pg_catalog.to_jsonb(a) ->> 'attcompression' WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END
           AS column_compression,
       iseq.seqstart AS identity_start,
       iseq.seqincrement AS identity_increment,
       iseq.seqmin AS identity_min,
       iseq.seqmax AS identity_max,
       iseq.seqcache AS identity_cache,
       iseq.seqcycle AS identity_cycle,
       CASE WHEN t.typtype IN ('e', 'd', 'c') THEN t.typtype WHEN et.typtype IN ('e', 'd', 'c') THEN et.typtype END
           AS user_type_kind,
       CASE WHEN t.typtype IN ('e', 'd', 'c') THEN tn.nspname WHEN et.typtype IN ('e', 'd', 'c') THEN etn.nspname END
           AS user_type_schema,
       CASE WHEN t.typtype IN ('e', 'd', 'c') THEN t.typname WHEN et.typtype IN ('e', 'd', 'c') THEN et.typname END
           AS user_type_name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description td
       ON td.objoid = c.oid AND td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND td.objsubid = 0
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = a.attcollation
LEFT JOIN pg_catalog.pg_namespace coll_n ON coll_n.oid = coll.collnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description cd
       ON cd.objoid = c.oid AND cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cd.objsubid = a.attnum
-- The identity sequence is looked up per identity column only (the attidentity test gates the
-- index lookup): joined as a plain hash join, the 175,000 column rows of a large schema were hashed
-- instead, which doubled the time of this query.
LEFT JOIN LATERAL (
    SELECT s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
    FROM pg_catalog.pg_depend idep
    JOIN pg_catalog.pg_sequence s ON s.seqrelid = idep.objid
    WHERE a.attidentity <> ''
      AND idep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      AND idep.refobjid = c.oid AND idep.refobjsubid = a.attnum AND idep.deptype = 'i'
      AND idep.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    LIMIT 1 -- one sequence per identity column; also keeps the planner from flattening the lookup
) iseq ON true
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
\set catalog pg_catalog.pg_class \set object c.oid \ir not_extension_member.sql
