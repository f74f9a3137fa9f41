CREATE SCHEMA app;
CREATE TABLE app.orders (id int PRIMARY KEY, status text, total numeric);
CREATE TABLE app.customers (id int PRIMARY KEY, name text);
CREATE PUBLICATION app_orders FOR TABLE app.orders, app.customers;
CREATE PUBLICATION app_paid FOR TABLE app.orders (id, total) WHERE (status = 'paid') WITH (publish = 'insert, update');
COMMENT ON PUBLICATION app_paid IS 'paid orders for the ledger';
CREATE FUNCTION app.no_drops() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'dropping %', tg_tag;
END $$;
CREATE EVENT TRIGGER app_no_drops ON sql_drop EXECUTE FUNCTION app.no_drops();
CREATE EVENT TRIGGER app_watch ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE') EXECUTE FUNCTION app.no_drops();
ALTER EVENT TRIGGER app_watch DISABLE;
