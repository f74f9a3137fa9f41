CREATE TABLE t (id int PRIMARY KEY, email text, name text, created timestamptz, tags text[], score int);
CREATE INDEX ix1 ON t (name); CREATE INDEX ix2 ON t (score) WHERE score > 0; CREATE INDEX ix3 ON t (email);
