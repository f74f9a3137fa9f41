-- Privileges granted to the managed roles (the second parameter) on the objects of the given schemas
-- that Converge manages: tables, partitioned tables, views, materialized views, sequences, their
-- columns, functions and procedures (not C or internal ones), the schemas themselves, enums, domains
-- and composite types. One row per object, role and privilege, from aclexplode over the catalog's
-- ACL columns (relacl, attacl, proacl, nspacl, typacl); a NULL ACL means the owner's defaults and
-- grants nothing to anyone else. The owner's own privileges and those of roles the project does not
-- manage are never returned, nor anything on an extension's members.
WITH scope AS (SELECT ?::text[] AS schemas, ?::text[] AS roles),
objects AS (
    SELECT CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED_VIEW'
                          ELSE 'TABLE' END AS kind,
           n.nspname::text AS object_schema, c.relname::text AS object_name, '' AS member,
           c.relacl AS acl, c.relowner AS owner, c.oid AS oid, 'pg_catalog.pg_class'::pg_catalog.regclass AS classid
    FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relacl IS NOT NULL
    UNION ALL
    SELECT 'COLUMN', n.nspname::text, c.relname::text, a.attname::text, a.attacl, c.relowner, c.oid,
           'pg_catalog.pg_class'::pg_catalog.regclass
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND c.relkind IN ('r', 'p', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL
    UNION ALL
    SELECT 'ROUTINE', n.nspname::text, p.proname || '(' || pg_catalog.oidvectortypes(p.proargtypes) || ')', '',
           p.proacl, p.proowner, p.oid, 'pg_catalog.pg_proc'::pg_catalog.regclass
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[])
      AND p.prokind IN ('f', 'p', 'w') AND p.proacl IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend di
                      WHERE di.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND di.objid = p.oid
                        AND di.deptype = 'i')
    UNION ALL
    SELECT 'SCHEMA', n.nspname::text, '', '', n.nspacl, n.nspowner, n.oid,
           'pg_catalog.pg_namespace'::pg_catalog.regclass
    FROM pg_catalog.pg_namespace n
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[]) AND n.nspacl IS NOT NULL
    UNION ALL
    SELECT CASE t.typtype WHEN 'e' THEN 'ENUM' WHEN 'd' THEN 'DOMAIN' ELSE 'COMPOSITE_TYPE' END,
           n.nspname::text, t.typname::text, '', t.typacl, t.typowner, t.oid,
           'pg_catalog.pg_type'::pg_catalog.regclass
    FROM pg_catalog.pg_type t
    JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
    LEFT JOIN pg_catalog.pg_class tc ON tc.oid = t.typrelid
    WHERE n.nspname = ANY ((SELECT schemas FROM scope)::text[]) AND t.typacl IS NOT NULL
      AND (t.typtype IN ('e', 'd') OR (t.typtype = 'c' AND tc.relkind = 'c'))
)
SELECT o.kind, o.object_schema, o.object_name, o.member, r.rolname::text AS grantee,
       acl.privilege_type AS privilege, acl.is_grantable AS grantable
FROM objects o
CROSS JOIN LATERAL pg_catalog.aclexplode(o.acl) acl
JOIN pg_catalog.pg_roles r ON r.oid = acl.grantee
WHERE r.rolname = ANY ((SELECT roles FROM scope)::text[])
  AND acl.grantee <> o.owner
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = o.classid AND x.objid = o.oid AND x.deptype = 'e')
ORDER BY 1, 2, 3, 4, 5, 6
