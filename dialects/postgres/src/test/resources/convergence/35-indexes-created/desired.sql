CREATE TABLE t (id int PRIMARY KEY, email text, name text, created timestamptz, tags text[], score int);
CREATE UNIQUE INDEX t_email_uq ON t (email);
CREATE INDEX t_active ON t (name) WHERE score > 0;
CREATE INDEX t_lower_email ON t (lower(email));
CREATE INDEX t_created_desc ON t (created DESC NULLS FIRST);
CREATE INDEX t_name_incl ON t (name) INCLUDE (score);
CREATE INDEX t_tags_gin ON t USING gin (tags);
CREATE INDEX t_email_hash ON t USING hash (email);
