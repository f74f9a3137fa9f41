-- Release 2 calls the table persons. Rolled out with expand and contract, release 1 keeps working
-- through a view under the old name until contract: see docs/expand-contract.md.
-- converge:renamed-from people
CREATE TABLE persons (
  id bigint PRIMARY KEY,
  full_name text NOT NULL
);
