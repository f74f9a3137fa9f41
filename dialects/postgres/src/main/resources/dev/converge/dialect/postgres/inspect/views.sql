-- Plain views of the given schemas (extension members skipped) with their deparsed query, their
-- reloptions and what their rewrite rule depends on: tables (r, p), views, sequences and user enum
-- types, never the view itself and never objects of pg_catalog or information_schema.
WITH v AS (
    SELECT c.oid, n.nspname, c.relname, c.reloptions
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'v'
      AND n.nspname = ANY (?)
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                      WHERE x.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                        AND x.objid = c.oid AND x.deptype = 'e')
), refs AS (
    SELECT DISTINCT v.oid AS view_oid,
           CASE WHEN rc.oid IS NULL THEN 'ENUM'
                WHEN rc.relkind = 'v' THEN 'VIEW'
                WHEN rc.relkind = 'S' THEN 'SEQUENCE'
                ELSE 'TABLE' END AS ref_kind,
           COALESCE(rcn.nspname, rtn.nspname) AS ref_schema,
           COALESCE(rc.relname, rt.typname) AS ref_name
    FROM v
    JOIN pg_catalog.pg_rewrite r ON r.ev_class = v.oid
    JOIN pg_catalog.pg_depend dep
      ON dep.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND dep.objid = r.oid
     AND dep.refobjid <> v.oid
    LEFT JOIN pg_catalog.pg_class rc
           ON dep.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND rc.oid = dep.refobjid
          AND rc.relkind IN ('r', 'p', 'v', 'S')
    LEFT JOIN pg_catalog.pg_namespace rcn ON rcn.oid = rc.relnamespace
    LEFT JOIN pg_catalog.pg_type rt
           ON dep.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND rt.oid = dep.refobjid
          AND rt.typtype = 'e'
    LEFT JOIN pg_catalog.pg_namespace rtn ON rtn.oid = rt.typnamespace
    WHERE (rc.oid IS NOT NULL OR rt.oid IS NOT NULL)
      AND COALESCE(rcn.nspname, rtn.nspname) NOT IN ('pg_catalog', 'information_schema')
), deps AS (
    SELECT view_oid,
           array_agg(ref_kind ORDER BY ref_kind, ref_schema, ref_name) AS ref_kinds,
           array_agg(ref_schema::text ORDER BY ref_kind, ref_schema, ref_name) AS ref_schemas,
           array_agg(ref_name::text ORDER BY ref_kind, ref_schema, ref_name) AS ref_names
    FROM refs
    GROUP BY view_oid
)
SELECT v.nspname AS view_schema,
       v.relname AS view_name,
       pg_catalog.pg_get_viewdef(v.oid, false) AS definition,
       COALESCE(v.reloptions, '{}'::text[]) AS options,
       COALESCE(deps.ref_kinds, '{}'::text[]) AS ref_kinds,
       COALESCE(deps.ref_schemas, '{}'::text[]) AS ref_schemas,
       COALESCE(deps.ref_names, '{}'::text[]) AS ref_names,
       d.description AS comment
FROM v
LEFT JOIN deps ON deps.view_oid = v.oid
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = v.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
ORDER BY v.nspname, v.relname
