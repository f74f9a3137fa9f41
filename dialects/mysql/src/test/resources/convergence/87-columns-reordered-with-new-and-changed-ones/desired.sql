-- Moves, new columns placed after moved ones, a moved column that also changes, a generated column
-- re-added in a new place, and a table reversed.
CREATE TABLE t (
  e int,
  a int NOT NULL,
  n1 int,
  g int GENERATED ALWAYS AS (c + 2) VIRTUAL,
  c int,
  b varchar(20) DEFAULT 'x',
  n2 int,
  d int,
  PRIMARY KEY (a)
);
CREATE TABLE u (z int, y int, x int);
