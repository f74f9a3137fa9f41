CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(200), created DATETIME, KEY ix_name (name(10)), KEY ix_created (created DESC, id));
