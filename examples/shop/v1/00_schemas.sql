-- The shop keeps its catalog and its orders in separate schemas.
CREATE SCHEMA catalog;
CREATE SCHEMA sales;
COMMENT ON SCHEMA sales IS 'Customers, carts, orders and payments';
