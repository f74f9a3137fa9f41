-- The select list of what one object references, as four arrays read position by position, in one
-- deterministic order: queries include it with \ir and follow it with a FROM whose relation refs has
-- the columns ref_kind, ref_schema, ref_name and ref_member (the column of a relation, or '').
SELECT array_agg(refs.ref_kind ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_kinds,
       array_agg(refs.ref_schema::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_schemas,
       array_agg(refs.ref_name::text ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_names,
       array_agg(refs.ref_member ORDER BY refs.ref_kind, refs.ref_schema, refs.ref_name, refs.ref_member) AS ref_members
