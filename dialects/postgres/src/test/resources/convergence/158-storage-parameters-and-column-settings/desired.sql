CREATE SCHEMA app;
CREATE TABLE app.posts (id int PRIMARY KEY, body text, tags text, score int, hash bytea, title varchar(40),
                        rank int)
    WITH (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.005);
ALTER TABLE app.posts ALTER COLUMN body SET STORAGE MAIN;
ALTER TABLE app.posts ALTER COLUMN score SET STATISTICS 1000;
ALTER TABLE app.posts ALTER COLUMN hash SET STORAGE PLAIN;
ALTER TABLE app.posts ALTER COLUMN hash SET STATISTICS 0;
ALTER TABLE app.posts ALTER COLUMN title SET STORAGE PLAIN;
ALTER TABLE app.posts ALTER COLUMN rank SET STATISTICS 200;
CREATE TABLE app.jobs (id int, state text);
CREATE TABLE app.events (at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE app.events_2026 PARTITION OF app.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')
    WITH (fillfactor = 90);
CREATE TABLE app.audit (id int, note text) WITH (autovacuum_enabled = false, toast.autovacuum_enabled = false);
ALTER TABLE app.audit ALTER COLUMN note SET STORAGE EXTERNAL;
ALTER TABLE app.audit ALTER COLUMN id SET STATISTICS 50;
