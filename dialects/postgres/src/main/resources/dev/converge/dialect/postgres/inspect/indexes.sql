-- Stand-alone indexes of the tables, partitions and materialized views of the given schemas: every
-- index that does not back a primary key, unique or exclusion constraint (a foreign key's conindid names the
-- referenced table's index, hence the contype filter). Keys are pg_get_indexdef(index, k, true) for
-- k = 1..indnkeyatts (which prints neither collation, operator class nor order; for a plain column
-- it prints quote_ident(attname), which is used instead because it is much cheaper) followed, in the
-- order CREATE INDEX takes them, by: COLLATE <collation> when the index's collation differs from the
-- column's (for an expression: from its type's default), using the collation rule of columns.sql; the
-- operator class when it is not the default one (pg_catalog ones unqualified); the sort order when it
-- is not the default (indoption bit 1 = DESC, bit 2 = NULLS FIRST; the defaults are ASC NULLS LAST
-- and DESC NULLS FIRST). INCLUDE columns are the ones after indnkeyatts. indkey, indclass and
-- indcollation and indoption are int2vector/oidvector, subscripted from 0.
--
-- One pass, aggregated with GROUP BY i.indexrelid (and the columns that depend on it), so that no
-- aggregate is joined back to the index rows: without fresh catalog statistics such a join can go quadratic.
SELECT n.nspname AS index_schema,
       ic.relname AS index_name,
       c.relname AS table_name,
       i.indisunique AS is_unique,
       am.amname AS method,
       array_agg(CASE WHEN i.indkey[k.k - 1] <> 0 THEN pg_catalog.quote_ident(a.attname)
                      ELSE pg_catalog.pg_get_indexdef(i.indexrelid, k.k, true) END
                 || CASE WHEN i.indcollation[k.k - 1] <> 0
                          AND i.indcollation[k.k - 1] <> COALESCE(a.attcollation,
                              -- an expression key: compare with its type's default collation, looked
                              -- up only for expressions (rare) rather than joining every index column
                              (SELECT et.typcollation FROM pg_catalog.pg_attribute ea
                               JOIN pg_catalog.pg_type et ON et.oid = ea.atttypid
                               WHERE ea.attrelid = i.indexrelid AND ea.attnum = k.k)) THEN
                             ' COLLATE ' || CASE WHEN coll_n.nspname = 'pg_catalog'
                                                 THEN pg_catalog.quote_ident(coll.collname)
                                                 ELSE pg_catalog.quote_ident(coll_n.nspname) || '.'
                                                      || pg_catalog.quote_ident(coll.collname) END
                         ELSE '' END
                 || CASE WHEN NOT opc.opcdefault THEN
                             ' ' || CASE WHEN opc_n.nspname = 'pg_catalog'
                                         THEN pg_catalog.quote_ident(opc.opcname)
                                         ELSE pg_catalog.quote_ident(opc_n.nspname) || '.'
                                              || pg_catalog.quote_ident(opc.opcname) END
                         ELSE '' END
                 || CASE WHEN i.indoption[k.k - 1] & 1 <> 0 AND i.indoption[k.k - 1] & 2 = 0
                             THEN ' DESC NULLS LAST'
                         WHEN i.indoption[k.k - 1] & 1 <> 0 THEN ' DESC'
                         WHEN i.indoption[k.k - 1] & 2 <> 0 THEN ' NULLS FIRST'
                         ELSE '' END
                 ORDER BY k.k) FILTER (WHERE k.k <= i.indnkeyatts) AS key_parts,
       array_agg(a.attname::text ORDER BY k.k) FILTER (WHERE k.k > i.indnkeyatts) AS include_columns,
       pg_catalog.pg_get_expr(i.indpred, i.indrelid) AS predicate,
       -- an index of a partitioned table prints as "ON ONLY t": created that way it would cover no
       -- partition, so the definition is kept as the plain CREATE INDEX that covers them all
       pg_catalog.regexp_replace(pg_catalog.pg_get_indexdef(i.indexrelid), ' ON ONLY ', ' ON ') AS definition,
       d.description AS comment,
       -- statistics targets set on index columns (ALTER INDEX ... ALTER COLUMN n SET STATISTICS t, allowed
       -- on expression columns only; -1 up to PostgreSQL 16 and NULL from 17 mean the default)
       array_agg(k.k ORDER BY k.k) FILTER (WHERE ia.attstattarget >= 0) AS statistics_columns,
       array_agg(ia.attstattarget::int ORDER BY k.k) FILTER (WHERE ia.attstattarget >= 0) AS statistics_targets,
       -- a partition's copy of its parent's index (attached to it in pg_inherits) names the parent's:
       -- it comes and goes with it, but stays, as an index of its own, on a partition that is detached
       pn.nspname AS parent_index_schema,
       pic.relname AS parent_index_name
FROM pg_catalog.pg_index i
JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
CROSS JOIN LATERAL generate_series(1, i.indnatts::int) AS k(k)
LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.k - 1]
LEFT JOIN pg_catalog.pg_attribute ia ON ia.attrelid = i.indexrelid AND ia.attnum = k.k
LEFT JOIN pg_catalog.pg_collation coll ON coll.oid = i.indcollation[k.k - 1]
LEFT JOIN pg_catalog.pg_namespace coll_n ON coll_n.oid = coll.collnamespace
LEFT JOIN pg_catalog.pg_opclass opc ON opc.oid = i.indclass[k.k - 1]
LEFT JOIN pg_catalog.pg_namespace opc_n ON opc_n.oid = opc.opcnamespace
LEFT JOIN pg_catalog.pg_inherits ih ON ih.inhrelid = i.indexrelid
LEFT JOIN pg_catalog.pg_class pic ON pic.oid = ih.inhparent
LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = pic.relnamespace
\set catalog pg_catalog.pg_class \set object i.indexrelid \ir comment.sql
WHERE c.relkind IN ('r', 'm', 'p')
  AND n.nspname = ANY (?)
\set object c.oid \ir not_extension_member.sql
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint o
                  WHERE o.conindid = i.indexrelid AND o.contype IN ('p', 'u', 'x'))
-- Every selected column is listed: before PostgreSQL 14 the catalogs had no primary keys, so
-- grouping by indexrelid alone does not make the other pg_index columns functionally dependent.
GROUP BY i.indexrelid, n.nspname, ic.relname, c.relname, i.indisunique, am.amname,
         pg_catalog.pg_get_expr(i.indpred, i.indrelid), d.description, pn.nspname, pic.relname
