CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount integer NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS SELECT region, sum(amount) AS total FROM sales GROUP BY region;
CREATE UNIQUE INDEX region_totals_region ON region_totals (region);
CREATE MATERIALIZED VIEW old_stats AS SELECT count(*) AS n FROM sales;
CREATE MATERIALIZED VIEW amounts AS SELECT id, amount FROM sales;
CREATE INDEX amounts_amount ON amounts (amount);
