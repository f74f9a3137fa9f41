-- The deparsed query of each view or materialized view whose oid is given (from views.sql).
--
-- Apart from views.sql because pg_get_viewdef takes a lock on every relation the view reads and keeps
-- it to the end of the transaction: 10,000 tenant schemas with a view each need 20,000 locks at once,
-- more than the server's whole lock table holds with default settings ("out of shared memory"). The
-- inspector reads these a page of oids at a time under a savepoint that it rolls back, which releases
-- the locks of the page and keeps the snapshot; an index lookup per oid, no catalog scan per page.
SELECT v.oid AS view_oid,
       pg_catalog.pg_get_viewdef(v.oid::pg_catalog.oid, false) AS definition
FROM pg_catalog.unnest(?::pg_catalog.int8[]) AS v(oid)
