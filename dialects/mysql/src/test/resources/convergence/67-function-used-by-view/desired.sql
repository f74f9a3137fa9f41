-- the view is declared before the function it calls: the function must be created first
CREATE VIEW priced AS SELECT id, gross(price) AS gross FROM t;
CREATE TABLE t (id INT PRIMARY KEY, price DECIMAL(10,2));
CREATE FUNCTION gross(p DECIMAL(10,2)) RETURNS DECIMAL(12,2) DETERMINISTIC RETURN p * 1.2;
