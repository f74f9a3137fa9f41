-- Operator families and operator classes of the given schemas (not extension members), each as the
-- statements that make it again, the way pg_dump writes them: a family is created empty and given
-- its loose members (ALTER OPERATOR FAMILY ... ADD, those bound to the family only), a class names
-- its family and lists its own members (operators with their strategy, support functions with
-- their number, STORAGE). Operators print as regoperator, functions as regprocedure: qualified when
-- outside pg_catalog (the inspector's search_path is empty). A family made for a class of the same
-- name is a family like any other. Named "name USING method".
WITH scope AS (SELECT ?::text[] AS schemas),
members AS (
    SELECT o.amopfamily AS family, d.refclassid, d.refobjid, d.deptype,
           1 AS sort, o.amopstrategy AS number, o.amoplefttype AS lefttype, o.amoprighttype AS righttype,
           'OPERATOR ' || o.amopstrategy || ' ' || o.amopopr::pg_catalog.regoperator::text
               || CASE WHEN o.amoppurpose = 'o' THEN ' FOR ORDER BY ' || pg_catalog.quote_ident(sfn.nspname) || '.'
                       || pg_catalog.quote_ident(sf.opfname) ELSE '' END AS text
    FROM pg_catalog.pg_amop o
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.objid = o.oid
                               AND d.deptype IN ('i', 'a')
                               AND d.refclassid IN ('pg_catalog.pg_opclass'::pg_catalog.regclass,
                                                    'pg_catalog.pg_opfamily'::pg_catalog.regclass)
    LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = o.amopsortfamily
    LEFT JOIN pg_catalog.pg_namespace sfn ON sfn.oid = sf.opfnamespace
    UNION ALL
    SELECT p.amprocfamily, d.refclassid, d.refobjid, d.deptype,
           2, p.amprocnum, p.amproclefttype, p.amprocrighttype,
           'FUNCTION ' || p.amprocnum || ' (' || pg_catalog.format_type(p.amproclefttype, NULL) || ', '
               || pg_catalog.format_type(p.amprocrighttype, NULL) || ') ' || p.amproc::pg_catalog.regprocedure::text
    FROM pg_catalog.pg_amproc p
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.objid = p.oid
                               AND d.deptype IN ('i', 'a')
                               AND d.refclassid IN ('pg_catalog.pg_opclass'::pg_catalog.regclass,
                                                    'pg_catalog.pg_opfamily'::pg_catalog.regclass)
),
objects AS (
    SELECT 'pg_opfamily' AS class_name, f.oid, 'OPERATOR_FAMILY' AS kind, 'OPERATOR FAMILY' AS word,
           f.opfnamespace AS nsp, f.opfname AS name, ' USING ' || am.amname AS suffix,
           array_remove(ARRAY[
               'CREATE OPERATOR FAMILY %s USING ' || am.amname,
               'ALTER OPERATOR FAMILY %s USING ' || am.amname || ' ADD '
                   || (SELECT string_agg(m.text, ', ' ORDER BY m.sort, m.number, m.lefttype, m.righttype)
                       FROM members m
                       WHERE m.refclassid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND m.refobjid = f.oid)
           ], NULL) AS statements
    FROM pg_catalog.pg_opfamily f
    JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
    UNION ALL
    SELECT 'pg_opclass', c.oid, 'OPERATOR_CLASS', 'OPERATOR CLASS', c.opcnamespace, c.opcname, ' USING ' || am.amname,
           ARRAY['CREATE OPERATOR CLASS %s' || CASE WHEN c.opcdefault THEN ' DEFAULT' ELSE '' END
                 || ' FOR TYPE ' || pg_catalog.format_type(c.opcintype, NULL) || ' USING ' || am.amname
                 || ' FAMILY ' || pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.opfname)
                 || ' AS ' || concat_ws(', ',
                     (SELECT string_agg(m.text, ', ' ORDER BY m.sort, m.number, m.lefttype, m.righttype)
                      FROM members m
                      WHERE m.refclassid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND m.refobjid = c.oid),
                     CASE WHEN c.opckeytype <> 0 THEN 'STORAGE ' || pg_catalog.format_type(c.opckeytype, NULL) END)]
    FROM pg_catalog.pg_opclass c
    JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
    JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
    JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
)
\ir catalog_objects_in_scope.sql
