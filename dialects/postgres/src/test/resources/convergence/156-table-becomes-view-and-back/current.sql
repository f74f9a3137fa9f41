CREATE SCHEMA app;
CREATE TABLE app.orders (id int PRIMARY KEY, total numeric NOT NULL, status text NOT NULL);
CREATE TABLE app.order_totals (status text, total numeric);
CREATE VIEW app.big_totals AS SELECT status, total FROM app.order_totals WHERE total > 100;
CREATE VIEW app.settings AS SELECT 'mode'::text AS key, 'fast'::text AS value;
CREATE VIEW app.daily AS SELECT status, count(*) AS n FROM app.orders GROUP BY status;
