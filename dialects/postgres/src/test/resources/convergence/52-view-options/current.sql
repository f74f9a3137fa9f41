CREATE TABLE t (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW a AS SELECT id FROM t; CREATE VIEW b WITH (security_barrier) AS SELECT id FROM t;
