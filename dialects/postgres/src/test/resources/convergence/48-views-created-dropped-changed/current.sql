CREATE TABLE t (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW old_v AS SELECT id FROM t; CREATE VIEW changed_v AS SELECT id, name FROM t;
