-- The comment of one object as d.description (NULL when it has none): a join that queries include
-- with \ir after setting the psql variables catalog (the catalog that holds the object, such as
-- pg_catalog.pg_type) and object (the expression of its oid, such as t.oid).
LEFT JOIN pg_catalog.pg_description d
       ON d.objoid = :object AND d.classoid = :'catalog'::pg_catalog.regclass AND d.objsubid = 0
