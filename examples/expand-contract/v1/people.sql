-- Release 1 of the application reads and writes people.full_name.
CREATE TABLE people (
  id bigint PRIMARY KEY,
  full_name text NOT NULL
);
