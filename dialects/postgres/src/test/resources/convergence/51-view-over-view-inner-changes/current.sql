CREATE TABLE t (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW inner_v AS SELECT id, name FROM t; CREATE VIEW outer_v AS SELECT name FROM inner_v;
