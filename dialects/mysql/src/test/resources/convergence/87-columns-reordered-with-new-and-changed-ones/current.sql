CREATE TABLE t (
  a int NOT NULL,
  b varchar(10),
  c int,
  d int,
  e int,
  g int GENERATED ALWAYS AS (c + 1) VIRTUAL,
  PRIMARY KEY (a)
);
CREATE TABLE u (x int, y int, z int);
INSERT INTO t (a, b, c, d, e) VALUES (1, 'one', 3, 4, 5);
INSERT INTO u VALUES (1, 2, 3);
