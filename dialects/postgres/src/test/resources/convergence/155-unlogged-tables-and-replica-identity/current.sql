CREATE SCHEMA app;
CREATE TABLE app.cache (k text PRIMARY KEY, v text);
CREATE UNLOGGED TABLE app.scratch (id int);
CREATE TABLE app.audit (id int PRIMARY KEY, at timestamptz NOT NULL);
ALTER TABLE app.audit REPLICA IDENTITY FULL;
CREATE TABLE app.events (id int NOT NULL, code text NOT NULL);
CREATE TABLE app.ledger (id int PRIMARY KEY);
INSERT INTO app.cache VALUES ('a', '1');
