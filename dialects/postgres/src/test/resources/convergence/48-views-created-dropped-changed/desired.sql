CREATE TABLE t (id int PRIMARY KEY, name text, price numeric);
CREATE VIEW new_v AS SELECT name FROM t WHERE price > 0; CREATE VIEW changed_v AS SELECT id, name, price FROM t;
