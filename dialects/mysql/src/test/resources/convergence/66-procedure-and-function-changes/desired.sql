CREATE TABLE t (id INT PRIMARY KEY, price DECIMAL(10,2));
-- body changes
CREATE FUNCTION with_tax(p DECIMAL(10,2)) RETURNS DECIMAL(10,2) DETERMINISTIC RETURN p * 1.25;
CREATE FUNCTION unchanged_fn(x INT) RETURNS INT DETERMINISTIC NO SQL RETURN x + 1;
-- a parameter mode, a characteristic and a comment change
CREATE PROCEDURE bump(INOUT by_how INT) MODIFIES SQL DATA SQL SECURITY INVOKER COMMENT 'adds to every price'
BEGIN
  UPDATE t SET price = price + by_how;
  SET by_how = by_how * 2;
END;
-- the result type changes
CREATE FUNCTION retyped(a INT) RETURNS BIGINT RETURN a;
CREATE PROCEDURE added(OUT n INT) READS SQL DATA SELECT COUNT(*) INTO n FROM t;
