CREATE SCHEMA app;
CREATE TABLE app.orders (id int PRIMARY KEY, total numeric NOT NULL, status text NOT NULL);
CREATE VIEW app.order_totals AS SELECT status, sum(total) AS total FROM app.orders GROUP BY status;
CREATE VIEW app.big_totals AS SELECT status, total FROM app.order_totals WHERE total > 100;
CREATE TABLE app.settings (key text PRIMARY KEY, value text NOT NULL);
CREATE MATERIALIZED VIEW app.daily AS SELECT status, count(*) AS n FROM app.orders GROUP BY status;
