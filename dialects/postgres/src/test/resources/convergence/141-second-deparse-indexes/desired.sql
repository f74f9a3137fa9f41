CREATE TABLE tickets (id int PRIMARY KEY, state varchar(10) NOT NULL, owner text);
CREATE INDEX tickets_open ON tickets (owner) WHERE state IN ('new', 'open');
CREATE INDEX tickets_is_open ON tickets ((state IN ('new', 'open')), id);
COMMENT ON INDEX tickets_is_open IS 'open first';
