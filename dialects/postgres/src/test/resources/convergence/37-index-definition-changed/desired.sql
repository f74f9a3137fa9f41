CREATE TABLE t (id int PRIMARY KEY, email text, name text, created timestamptz, tags text[], score int);
CREATE INDEX ix1 ON t (name, score); CREATE INDEX ix2 ON t (score) WHERE score > 10; CREATE UNIQUE INDEX ix3 ON t USING btree (email DESC);
