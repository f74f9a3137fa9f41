CREATE TABLE t (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW a WITH (security_barrier=true) AS SELECT id FROM t; CREATE VIEW b AS SELECT id FROM t;
