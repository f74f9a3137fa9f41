CREATE TABLE t (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW inner_v AS SELECT id, name, price FROM t WHERE price IS NOT NULL; CREATE VIEW outer_v AS SELECT name FROM inner_v;
