-- A condition that queries add to their WHERE clause with \ir, after setting the psql variables
-- catalog and object (as for comment.sql): the object is not a member of an extension, which creates
-- and drops it with itself, so that it is never an object of the project.
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x
                  WHERE x.classid = :'catalog'::pg_catalog.regclass AND x.objid = :object AND x.deptype = 'e')
