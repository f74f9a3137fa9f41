CREATE TABLE t (name text, id serial); CREATE TABLE u (id bigserial PRIMARY KEY, small smallserial);
