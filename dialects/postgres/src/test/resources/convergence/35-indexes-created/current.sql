CREATE TABLE t (id int PRIMARY KEY, email text, name text, created timestamptz, tags text[], score int);
