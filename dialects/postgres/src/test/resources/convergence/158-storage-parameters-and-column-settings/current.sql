CREATE SCHEMA app;
CREATE TABLE app.posts (id int PRIMARY KEY, body text, tags text, score int, hash bytea, title varchar(20))
    WITH (fillfactor = 70, autovacuum_enabled = false);
ALTER TABLE app.posts ALTER COLUMN body SET STORAGE EXTERNAL;
ALTER TABLE app.posts ALTER COLUMN tags SET STORAGE MAIN;
ALTER TABLE app.posts ALTER COLUMN score SET STATISTICS 500;
ALTER TABLE app.posts ALTER COLUMN title SET STORAGE PLAIN;
CREATE TABLE app.jobs (id int, state text) WITH (toast.autovacuum_enabled = false);
CREATE TABLE app.events (at date NOT NULL, kind text) PARTITION BY RANGE (at);
INSERT INTO app.posts VALUES (1, 'b', 't', 3, '\x01', 'x');
