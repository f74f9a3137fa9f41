CREATE SCHEMA app;
CREATE TABLE app.t (id int, email text);
CREATE VIEW app.v AS SELECT id, email FROM app.t;
