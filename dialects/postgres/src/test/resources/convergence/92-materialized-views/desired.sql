CREATE TABLE sales (id int PRIMARY KEY, region text NOT NULL, amount bigint NOT NULL);
CREATE MATERIALIZED VIEW region_totals AS SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region;
CREATE UNIQUE INDEX region_totals_region ON region_totals (region);
CREATE MATERIALIZED VIEW amounts WITH (fillfactor = 90) AS SELECT id, amount FROM sales;
CREATE INDEX amounts_amount ON amounts (amount);
CREATE MATERIALIZED VIEW big_regions AS SELECT region FROM region_totals WHERE total > 1000;
COMMENT ON MATERIALIZED VIEW big_regions IS 'regions over 1000';
CREATE VIEW region_names AS SELECT region FROM region_totals;
