-- Release 2, the other way: full_name keeps its name but becomes varchar(200), and people are looked
-- up by it. A narrowing, in place it breaks release 1's longer names and rewrites the table; rolled out
-- with expand and contract it is a parallel change of the type: see docs/expand-contract.md.
CREATE TABLE people (
  id bigint PRIMARY KEY,
  full_name varchar(200) NOT NULL
);
CREATE INDEX people_full_name ON people (full_name);
