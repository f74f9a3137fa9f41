-- Release 1 of the application reads and writes the table people.
CREATE TABLE people (
  id bigint PRIMARY KEY,
  full_name text NOT NULL
);
