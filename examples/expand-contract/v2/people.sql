-- Release 2 calls the column display_name. Rolled out with expand and contract, release 1 keeps
-- working until contract: see docs/expand-contract.md.
CREATE TABLE people (
  id bigint PRIMARY KEY,
  -- converge:renamed-from full_name
  display_name text NOT NULL
);
